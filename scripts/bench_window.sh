#!/usr/bin/env bash
# The window's frames before and after a change, measured in one run (docs/window.md table):
# the same tests/bench/window_bench.cpp built against two trees, run one plan size at a time
# under Xvfb (Mesa llvmpipe, 1280x800), the two builds alternating, ROUNDS times each (once for
# 200k villages); then a table of medians (scripts/window_bench_table.py).
# Usage: scripts/bench_window.sh BEFORE_BENCH AFTER_BENCH [OUT_DIR] [ROUNDS]
set -uo pipefail
before=$1
after=$2
out=${3:-out/window_bench}
rounds=${4:-2}
mkdir -p "$out"
for n in 5000 50000 200000; do
  k=$rounds
  [ "$n" = 200000 ] && k=1
  for r in $(seq 1 "$k"); do
    for which in before after; do
      bin=$before
      [ "$which" = after ] && bin=$after
      uptime > "$out/$which-$n-$r.load"
      if ! xvfb-run -a -s "-screen 0 1280x800x24" "$bin" --benchmark_filter="/$n/" \
          --benchmark_out="$out/$which-$n-$r.json" --benchmark_out_format=json \
          > "$out/$which-$n-$r.txt" 2>&1; then
        echo "$which $n round $r: exit $? (see $out/$which-$n-$r.txt)" >> "$out/failures.txt"
      fi
      uptime >> "$out/$which-$n-$r.load"
    done
  done
done
python3 "$(dirname "$0")/window_bench_table.py" "$out"
