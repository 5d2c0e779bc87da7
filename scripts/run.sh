#!/usr/bin/env bash
# Installs what is missing, builds beltplan and runs the main job on the sample plan: prints
# the coverage report of maps/xuanhua.gpkg and draws its coverage map to
# out/xuanhua_coverage.png; with a display it then opens the window on a working copy
# (out/xuanhua.gpkg), so saving never overwrites the shipped sample.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target beltplan
./build/src/app/beltplan info maps/xuanhua.gpkg
echo
./build/src/app/beltplan report maps/xuanhua.gpkg "$@"
echo
# The meeting map of the same coverage, drawn offscreen (no display needed).
mkdir -p out
./build/src/app/beltplan render maps/xuanhua.gpkg -o out/xuanhua_coverage.png
if [ -n "${DISPLAY:-}" ]; then
  [ -f out/xuanhua.gpkg ] || cp maps/xuanhua.gpkg out/xuanhua.gpkg
  exec ./build/src/app/beltplan out/xuanhua.gpkg
else
  echo "No display: the window was not opened (run under X, or see out/xuanhua_coverage.png)."
fi
