#!/usr/bin/env bash
# Issue 13, the road graph before and after in one run: main's beltplan and this tree's on the
# same synthetic districts (tools/make_synthetic) whose local roads end 0 to M metres short of
# a vertex of the road grid. Prints one table row per district: villages covered along roads
# (reach radius 3 km), villages no site reaches, and the time of `report --distance network`.
# Usage: bash scripts/bench_roads.sh [BUILD_DIR]   (this tree's build folder, default build)
# main is exported with `git archive main` into out/main-src and built once in build-main.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=out/bench_roads
mkdir -p "$out"

if [ ! -x build-main/src/app/beltplan ]; then
  rm -rf out/main-src
  mkdir -p out/main-src
  git archive main | tar -x -C out/main-src
  cmake -S out/main-src -B build-main -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DBELTPLAN_BUILD_TESTS=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=ccache > /dev/null
  ninja -C build-main beltplan > /dev/null
fi
ninja -C "$build" beltplan beltplan_make_synthetic > /dev/null

# covered, unreachable, user seconds of one report along roads
measure() {
  local exe=$1 plan=$2 tag=$3
  /usr/bin/time -f '%U' -o "$out/$tag.time" "$exe" report "$plan" --distance network \
    --radius 3000 --json > "$out/$tag.json" 2> "$out/$tag.err"
  # Every village's distance: a radius of 1 mm lists them all as uncovered.
  "$exe" report "$plan" --distance network --radius 0.001 --json > "$out/$tag.all.json" 2> /dev/null
  /usr/bin/python3 - "$out/$tag.json" "$out/$tag.all.json" "$out/$tag.time" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
every = json.load(open(sys.argv[2]))
unreachable = sum(1 for u in every["uncovered"] if u["distance_m"] is None)
print(report["covered_villages"], unreachable, open(sys.argv[3]).read().split()[-1])
EOF
}

printf '| villages | local roads end up to | covered, main | covered, this branch | unreachable, main | unreachable, this branch | report time, main | this branch |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for n in 5000 50000; do
  for noise in 0 0.45 0.9; do
    plan="$out/synthetic_${n}_${noise}.gpkg"
    "$build/tools/beltplan_make_synthetic" --villages "$n" --road-noise "$noise" -o "$plan" > /dev/null
    read -r cm um tm <<< "$(measure build-main/src/app/beltplan "$plan" "main_${n}_${noise}")"
    read -r cn un tn <<< "$(measure "$build/src/app/beltplan" "$plan" "new_${n}_${noise}")"
    printf '| %s | %s m | %s | %s | %s | %s | %s s | %s s |\n' "$n" "$noise" "$cm" "$cn" "$um" "$un" "$tm" "$tn"
  done
done
