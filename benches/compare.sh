#!/usr/bin/env bash
# Compares two builds of one criterion benchmark on a machine whose speed drifts.
#
# On the shared 2-core VMs this team works on, the same binary measures anywhere from 0.86 to
# 1.32 MiB/s on `analyze` from one run to the next, so two runs one after the other say little
# about a change worth 10%. This runs the two binaries at the same time, one per core (swapping
# cores every round), so that both see the same machine, and prints each round's throughput.
#
# Usage: benches/compare.sh FILTER ROUNDS BEFORE AFTER
#   FILTER   criterion's benchmark filter, e.g. '^analyze' or 'entities/polnear'
#   BEFORE   a bench binary, e.g. a copy of target/release/deps/analyze-<hash> built before the
#            change (`cargo bench --bench analyze --no-run` prints its path)
#   AFTER    the same bench built after it
set -euo pipefail
if [ $# -ne 4 ]; then
  sed -n '9,14p' "$0" >&2
  exit 2
fi
filter=$1 rounds=$2 before=$3 after=$4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# criterion's "thrpt: [low mid high]" line, as KiB/s.
throughput() {
  grep -m1 "thrpt:" "$1" | sed 's/.*\[\([^]]*\)\]/\1/' |
    awk '{ v = $3; if ($4 ~ /MiB/) v *= 1024; if ($4 ~ /GiB/) v *= 1048576; printf "%.0f", v }'
}
echo "round  before KiB/s  after KiB/s"
for i in $(seq "$rounds"); do
  if [ $((i % 2)) = 1 ]; then a=0 b=1; else a=1 b=0; fi
  taskset -c $a "$before" --bench "$filter" --noplot >"$out/before" 2>&1 &
  taskset -c $b "$after" --bench "$filter" --noplot >"$out/after" 2>&1 &
  wait
  printf '%5d  %12s  %11s\n' "$i" "$(throughput "$out/before")" "$(throughput "$out/after")"
done
