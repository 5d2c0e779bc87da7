#!/usr/bin/env bash
# Times import, report and contiguity on a generated 50,000-village plan (Release build),
# beside GDAL's own ogr2ogr doing the same file conversion as a reference.
# Usage: bash scripts/bench_io.sh [VILLAGES]   (default 50000; writes into out/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DBELTPLAN_BUILD_TESTS=OFF >/dev/null
cmake --build build-rel -j"$(nproc)" --target beltplan beltplan_make_synthetic >/dev/null
bp=build-rel/src/app/beltplan
dir=out/bench
rm -rf "$dir" && mkdir -p "$dir"
t() {
  local label=$1; shift
  /usr/bin/time -o "$dir/time.txt" -f "$label: %e s wall, %M KB max RSS" "$@" >/dev/null
  cat "$dir/time.txt"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB"
build-rel/tools/beltplan_make_synthetic --villages "$n" -o "$dir/plan.gpkg" >/dev/null
# A real-world-shaped input: villages as a GBK Shapefile without .cpg, in EPSG:4490 degrees.
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4490 -lco ENCODING=CP936 "$dir/villages.shp" \
  "$dir/plan.gpkg" villages 2>/dev/null
rm -f "$dir/villages.cpg"
ogr2ogr -f GPKG -t_srs EPSG:4490 "$dir/sites.gpkg" "$dir/plan.gpkg" sites
echo "input: $(ogrinfo -so -al "$dir/villages.shp" 2>/dev/null | sed -n 's/Feature Count: //p') villages (GBK shapefile without .cpg, EPSG:4490)"

# GDAL alone cannot tell the encoding (no .cpg, language byte 0): it warns for every name.
t "reference ogr2ogr shp->gpkg with reprojection" \
  ogr2ogr -f GPKG -t_srs EPSG:4547 -nlt PROMOTE_TO_MULTI "$dir/ref.gpkg" "$dir/villages.shp" \
  2>"$dir/ref_stderr.txt"
echo "  (reference printed $(grep -c 'not a valid UTF-8' "$dir/ref_stderr.txt") invalid-UTF-8 warnings; beltplan decodes the names as GB18030)"
t "beltplan import (detect encoding, validate+repair, project, townships, save)" \
  "$bp" import --villages "$dir/villages.shp" --sites "$dir/sites.gpkg" -o "$dir/imported.gpkg"
t "beltplan report euclidean" "$bp" report "$dir/imported.gpkg" --json
t "beltplan report network" "$bp" report "$dir/plan.gpkg" --distance network --json
t "beltplan contiguity queen" "$bp" contiguity "$dir/imported.gpkg" --out "$dir/pairs.csv"
