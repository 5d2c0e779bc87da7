#!/usr/bin/env bash
# Installs the Debian 12 packages beltplan needs to build, test and run. Idempotent:
# packages already present are skipped, and apt-get runs only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkgconf git clang-format
  libgdal-dev libproj-dev libgeos-dev libicu-dev
  libopenscenegraph-dev libimgui-dev libglfw3-dev libegl-dev libgl-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev liblemon-dev libfontconfig-dev libcairo2-dev
  libharfbuzz-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  gdal-bin proj-bin proj-data python3-libpysal python3-geopandas poppler-utils
  xvfb xauth x11-utils libgl1-mesa-dri libegl-mesa0 fonts-noto-cjk fontconfig
  clang-14 libclang-rt-14-dev  # sanitizer build and libFuzzer targets (scripts/sanitize.sh, fuzz.sh)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages already installed"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
