#!/usr/bin/env bash
# Installs what is missing, builds beltplan and runs the main job on the sample plan:
# the coverage report of maps/xuanhua.gpkg and its coverage map out/xuanhua_coverage.png.
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
