#!/usr/bin/env bash
# Whole-process `beltplan render` timings: a 1600x1100 PNG of synthetic plans of 5k, 50k and
# 200k villages, this tree beside a reference build of another commit (default: main) in the
# same run (rounds of every run in turn), each run's wall time, CPU time (user + system) and
# peak memory (medians over RUNS rounds); then this tree's PDF, SVG and the sample's atlas.
# Usage: bash scripts/bench_render.sh [REF] [RUNS]   (defaults: main 3; writes out/bench-render/)
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-main}
runs=${2:-3}
out=out/bench-render
mkdir -p "$out"

echo "building this tree (Release) and $ref (Release, from git archive) ..."
cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DBELTPLAN_BUILD_TESTS=OFF >/dev/null
cmake --build build-rel --target beltplan beltplan_make_synthetic >/dev/null
refsrc=$out/ref
if [ "$(cat "$refsrc/.commit" 2>/dev/null)" != "$(git rev-parse "$ref")" ]; then
  rm -rf "$refsrc" && mkdir -p "$refsrc"
  git archive "$ref" | tar -x -C "$refsrc"
  git rev-parse "$ref" >"$refsrc/.commit"
fi
cmake -S "$refsrc" -B "$refsrc/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBELTPLAN_BUILD_TESTS=OFF >/dev/null
cmake --build "$refsrc/build" --target beltplan >/dev/null
new=build-rel/src/app/beltplan
old=$refsrc/build/src/app/beltplan

for n in 5000 50000 200000; do
  [ -f "$out/plan_$n.gpkg" ] || build-rel/tools/beltplan_make_synthetic --villages "$n" \
    -o "$out/plan_$n.gpkg" >/dev/null
done

# one run of a command: "wall_s cpu_s peak_MB" (CPU = user + system of all threads)
run_once() {
  /usr/bin/time -o "$out/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>"$out/stderr.txt" || {
    cat "$out/stderr.txt" >&2
    return 1
  }
  awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$out/time.txt"
}
# median of `runs` runs of a command: "wall_s cpu_s peak_MB"
measure() {
  local rows=()
  for _ in $(seq "$runs"); do
    rows+=("$(run_once "$@")")
  done
  printf '%s\n' "${rows[@]}" | sort -n -k1,1 | sed -n "$(((runs + 1) / 2))p"
}
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "reference: $ref $(git rev-parse --short "$ref"); this tree: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
# Rounds of every (build, size) run in turn, so a change of machine load between rounds
# falls on all of them alike; each figure is the median over the rounds.
sizes=(5000 50000 200000)
rm -f "$out"/runs_*.txt
for _ in $(seq "$runs"); do
  for n in "${sizes[@]}"; do
    run_once "$old" render "$out/plan_$n.gpkg" -o "$out/old_$n.png" >>"$out/runs_old_$n.txt"
    run_once "$new" render "$out/plan_$n.gpkg" -o "$out/new_$n.png" >>"$out/runs_new_$n.txt"
  done
done
echo
echo "| villages | $ref wall s | $ref CPU s | $ref peak MB | this wall s | this CPU s | this peak MB |"
echo "|---|---|---|---|---|---|---|"
declare -A wall cpu peak
for n in "${sizes[@]}"; do
  for b in old new; do
    wall[${b}_$n]=$(awk '{print $1}' "$out/runs_${b}_$n.txt" | median)
    cpu[${b}_$n]=$(awk '{print $2}' "$out/runs_${b}_$n.txt" | median)
    peak[${b}_$n]=$(awk '{print $3}' "$out/runs_${b}_$n.txt" | median)
  done
  echo "| $n | ${wall[old_$n]} | ${cpu[old_$n]} | ${peak[old_$n]} | ${wall[new_$n]} | ${cpu[new_$n]} | ${peak[new_$n]} |"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1fx", a / b}'; }
for kind in wall cpu; do
  declare -n t=$kind
  echo
  echo "$kind time against 5k: $ref 50k $(ratio "${t[old_50000]}" "${t[old_5000]}"), 200k $(ratio "${t[old_200000]}" "${t[old_5000]}"); this tree 50k $(ratio "${t[new_50000]}" "${t[new_5000]}"), 200k $(ratio "${t[new_200000]}" "${t[new_5000]}")"
  unset -n t
done
echo
echo "this tree's other outputs (median of $runs):"
for spec in "plan_50000.gpkg -o $out/map50k.pdf --paper A3 --landscape" \
            "plan_50000.gpkg -o $out/map50k.svg" \
            "plan_200000.gpkg -o $out/map200k.pdf --paper A0"; do
  read -r w c m <<<"$(measure "$new" render "$out/"$spec)"
  echo "- render $spec: $w s wall, $c s CPU, $m MB"
done
read -r w c m <<<"$(measure "$new" render maps/xuanhua.gpkg --atlas township --paper A4 \
  --landscape -o "$out/atlas.pdf")"
echo "- atlas of the sample plan (24 townships, A4 PDF): $w s wall, $c s CPU, $m MB"
