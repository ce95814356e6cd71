#!/usr/bin/env python3
"""How well PolNeAR's annotators agree with each other, scored by `parallax eval quotes`.

PolNeAR's train split has a few articles annotated by every annotator (the weekly
quality-control articles). This script builds, in OUT (default /tmp/polnear_agreement), one folder per
ordered pair of annotators, G_vs_P, over the articles both annotated: `split/` with G's
attributions as gold, and `predicted.tsv` with P's in the `--predicted` format (name, content
start, end, speaker start, end; char offsets, one row per content fragment). It prints the
folders; `.ci/baselines/polnear_agreement.sh` scores every pair, and Parallax on the same gold,
with `parallax eval quotes`: a human ceiling for the scores Parallax is held to. Nothing from the corpus is written into the repository.
"""
import collections
import os
import sys

split = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/quotes/polnear/train"
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/polnear_agreement"

by_text = collections.defaultdict(list)
for f in sorted(os.listdir(os.path.join(split, "attributions"))):
    if f.endswith(".ann"):
        by_text[f[: -len(".ann")].rsplit("_", 1)[0]].append(f)
shared = {name: files for name, files in by_text.items() if len(files) >= 5}


def link(src, dst):
    if os.path.lexists(dst):
        os.remove(dst)
    os.symlink(os.path.abspath(src), dst)


def attributions(path):
    """(content fragments, source span or None) for every attribution of a brat file."""
    spans = {}
    events = []
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, ranges = fields[1].partition(" ")
            spans[fields[0]] = [tuple(map(int, r.split())) for r in ranges.split(";")]
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(role.split(":", 1) for role in fields[1].split()))
    for roles in events:
        content = [r for k, v in roles.items() if k.startswith("Content") for r in spans.get(v, [])]
        source = [r for k, v in roles.items() if k.startswith("Source") for r in spans.get(v, [])]
        if content:
            yield content, (source[0] if source else None)


# One split per ordered pair of annotators (gold G, predicted P) over the articles both annotated:
# OUT/G_vs_P/split (G's attributions as gold) and OUT/G_vs_P/predicted.tsv (P's, one row per
# content fragment).
annotator = lambda f: f[: -len(".ann")].rsplit("_", 1)[1]
people = sorted({annotator(f) for files in shared.values() for f in files})
pairs = []
for g in people:
    for p in people:
        if g == p:
            continue
        both = {n: {annotator(f): f for f in fs} for n, fs in shared.items()}
        both = {n: fs for n, fs in both.items() if g in fs and p in fs}
        if not both:
            continue
        pair = os.path.join(out, f"{g}_vs_{p}")
        for sub in ("text", "attributions"):
            os.makedirs(os.path.join(pair, "split", sub), exist_ok=True)
        lines = []
        for name, fs in both.items():
            link(os.path.join(split, "text", name + ".txt"), os.path.join(pair, "split", "text", name + ".txt"))
            link(os.path.join(split, "attributions", fs[g]), os.path.join(pair, "split", "attributions", fs[g]))
            for fragments, source in attributions(os.path.join(split, "attributions", fs[p])):
                s0, s1 = source if source else (-1, -1)
                lines += [f"{name}\t{c0}\t{c1}\t{s0}\t{s1}" for c0, c1 in fragments]
        with open(os.path.join(pair, "predicted.tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        pairs.append(pair)
print("\n".join(pairs))
