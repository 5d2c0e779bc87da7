#!/usr/bin/env bash
# Builds the fuzz targets (clang-14, libFuzzer, ASan + UBSan) in build-fuzz and runs each for a
# set time on a copy of its seed corpus (tests/data/fuzz/<target>); new inputs stay in
# build-fuzz/corpus, crashes in build-fuzz/crashes. Exit 1 when any target finds a crash.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET ...]
#   targets: plan_read import_shapefile import_geojson import_xlsx encoding
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(plan_read import_shapefile import_geojson import_xlsx encoding)
fi
build=${BELTPLAN_FUZZ_BUILD:-build-fuzz}
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 "${launcher[@]}" \
  -DBELTPLAN_SANITIZE=ON -DBELTPLAN_BUILD_FUZZERS=ON >/dev/null
ninja -C "$build" -j"$(nproc)" "${targets[@]/#/fuzz_}"

# GDAL, PROJ and SQLite keep caches for the life of the process: not leaks of ours.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/crashes"
failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus"
  cp -n tests/data/fuzz/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $t for ${seconds}s"
  if ! "$build/tests/fuzz/fuzz_$t" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
      -max_len=65536 -artifact_prefix="$build/crashes/$t-" -print_final_stats=1 \
      >"$build/fuzz_$t.log" 2>&1; then
    failed+=("$t")
    tail -40 "$build/fuzz_$t.log"
  fi
  grep -E "^stat::number_of_executed_units|^#[0-9]+ +DONE" "$build/fuzz_$t.log" | tail -2 || true
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: crashes in ${failed[*]}; inputs in $build/crashes"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no crash"
