#!/usr/bin/env bash
# Human agreement on PolNeAR's shared articles next to Parallax, by the same scorer: for every
# ordered pair of annotators (gold, other), the other's quoted-subset and all-attribution F1,
# and Parallax's on the same gold. Prints the pairs and the means. Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/release/parallax
out=${1:-/tmp/polnear_agreement}
rm -rf "$out"
python3 .ci/baselines/polnear_agreement.py ../shared/data/quotes/polnear/train "$out" >/dev/null
f1() { awk -v row="$1" '$1 == row { print $(NF-2) }'; }
printf '%-12s %8s %8s %10s %10s\n' pair human_q human_all parallax_q parallax_all
for pair in "$out"/*_vs_*; do
  human=$("$bin" eval quotes "$pair/split" --predicted "$pair/predicted.tsv")
  ours=$("$bin" eval quotes "$pair/split")
  printf '%-12s %8s %8s %10s %10s\n' "$(basename "$pair")" \
    "$(f1 quoted <<<"$human")" "$(f1 all <<<"$human")" "$(f1 quoted <<<"$ours")" "$(f1 all <<<"$ours")"
done | tee /dev/stderr | awk '{ for (i = 2; i <= 5; i++) s[i] += $i; n++ }
  END { printf "mean (%d pairs) %8.4f %8.4f %10.4f %10.4f\n", n, s[2]/n, s[3]/n, s[4]/n, s[5]/n }'
