#!/usr/bin/env bash
# Makes the seed corpus in tests/data/fuzz from the sample plan maps/xuanhua.gpkg (two
# villages, simplified to 50 m, and two sites) with ogr2ogr, sqlite3 and iconv (a developer tool:
# the seeds are committed); see PROVENANCE.md there.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/data/fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"/{plan_read,import_shapefile,import_geojson,import_xlsx,encoding}
src=maps/xuanhua.gpkg
pick=(-where "fid <= 2" -simplify 50)

# A plan file: two villages, one township, the settings; small SQLite pages.
ogr2ogr -f GPKG "$work/plan.gpkg" "$src" villages "${pick[@]}" -nln villages
ogr2ogr -update -f GPKG "$work/plan.gpkg" "$src" townships -where "fid = 1" -simplify 50
ogr2ogr -update -f GPKG "$work/plan.gpkg" "$src" plan_meta -where "key <> 'crs_wkt'"
sqlite3 "$work/plan.gpkg" "PRAGMA page_size = 512; VACUUM;"
cp "$work/plan.gpkg" "$out/plan_read/two_villages.gpkg"

# The same villages as a GBK Shapefile in CGCS2000 lon/lat, packed .shp/.shx/.dbf/.cpg.
ogr2ogr -f "ESRI Shapefile" "$work/v.shp" "$src" villages "${pick[@]}" -t_srs EPSG:4490 \
  -select code,name,population -lco ENCODING=CP936
python3 tests/fuzz/pack.py "$out/import_shapefile/two_villages_gbk.bin" \
  "$work/v.shp" "$work/v.shx" "$work/v.dbf" "$work/v.cpg"

# GeoJSON (WGS84), and the sites as an XLSX sheet with lon/lat columns beside it.
ogr2ogr -f GeoJSON "$work/v.geojson" "$src" villages "${pick[@]}" -t_srs EPSG:4326 \
  -select code,name,population -lco COORDINATE_PRECISION=6
cp "$work/v.geojson" "$out/import_geojson/two_villages.geojson"
ogr2ogr -f XLSX "$work/s.xlsx" "$src" sites -where "fid <= 2" -t_srs EPSG:4326 \
  -dialect SQLite -sql "SELECT id, name, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM sites"
python3 tests/fuzz/pack.py "$out/import_xlsx/two_sites.bin" "$work/v.geojson" "$work/s.xlsx"

# Encodings: a .cpg word and a village name in GBK, in UTF-8, and UTF-8 with no .cpg.
printf '936' >"$work/cpg"
printf '屈家庄村' | iconv -f UTF-8 -t GBK >"$work/gbk"
python3 tests/fuzz/pack.py "$out/encoding/gbk_with_cpg.bin" "$work/cpg" "$work/gbk"
printf 'UTF-8' >"$work/cpg"
printf '洋河南村' >"$work/utf8"
python3 tests/fuzz/pack.py "$out/encoding/utf8_with_cpg.bin" "$work/cpg" "$work/utf8"
: >"$work/none"
python3 tests/fuzz/pack.py "$out/encoding/gbk_no_cpg.bin" "$work/none" "$work/gbk"
ls -l "$out"/*
