#!/usr/bin/env bash
# Installs the Debian 12 packages Leadline needs to build, test and run. Idempotent.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins
  libqt6sql6-psql libqt6sql6-sqlite libgl-dev libpq-dev
  postgresql-15 postgresql-client-15 redis-server libhiredis-dev
  libespeak-ng-dev espeak-ng-data espeak-ng sox libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us
  xvfb xauth python3 curl ca-certificates openssl
  fonts-noto-core
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
