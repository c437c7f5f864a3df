#!/usr/bin/env bash
# Builds the Debian package (leadline_<version>-1_<arch>.deb) from a CMake build directory.
# Usage: scripts/package.sh [build-dir]   (default: ./build; configured here if it is not yet)
# Needs dpkg-dev (dpkg-shlibdeps computes the shared-library dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${1:-build}"
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --target leadline -j"$(nproc)"
rm -f "$BUILD_DIR"/leadline_*.deb
(cd "$BUILD_DIR" && cpack -G DEB -C RelWithDebInfo >/dev/null)
deb=$(ls "$BUILD_DIR"/leadline_*.deb)
echo "built $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends
