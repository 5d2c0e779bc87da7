#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite (ctest), after the
# issue 9 stage: the core, analysis and io tests under ASan + UBSan and a short run of each
# fuzz target (clang-14, build-fuzz; docs/trust.md says what it costs). BELTPLAN_SKIP_SANITIZE=1
# skips that stage; BELTPLAN_FUZZ_SECONDS sets the seconds per fuzz target (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBELTPLAN_WERROR=ON
cmake --build build -j"$jobs"
if [ "${BELTPLAN_SKIP_SANITIZE:-0}" != 1 ]; then
  bash scripts/sanitize.sh
  bash scripts/fuzz.sh "${BELTPLAN_FUZZ_SECONDS:-20}"
fi
cd build
ctest --output-on-failure -j"$jobs" --timeout 600
