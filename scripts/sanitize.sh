#!/usr/bin/env bash
# The unit and io tests (core, analysis, io) built with clang-14, AddressSanitizer and
# UBSan (any report fails the test), in build-fuzz, the folder scripts/fuzz.sh uses too.
#
#   bash scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BELTPLAN_FUZZ_BUILD:-build-fuzz}
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 "${launcher[@]}" \
  -DBELTPLAN_SANITIZE=ON -DBELTPLAN_BUILD_FUZZERS=ON >/dev/null
suites=(beltplan_core_tests beltplan_analysis_tests beltplan_io_tests)
ninja -C "$build" -j"$(nproc)" "${suites[@]}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The 50,000-village save and load takes minutes under ASan and checks nothing the others do not.
skip=-PlanFile.large_plan_saves_and_loads_whole
for s in "${suites[@]}"; do
  echo "sanitize: $s"
  "$build/tests/$s" --gtest_brief=1 --gtest_filter="$skip"
done
echo "sanitize: core, analysis and io tests pass under ASan + UBSan"
