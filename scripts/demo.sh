#!/usr/bin/env bash
# Builds Leadline and runs the demo on the embedded defaults (SQLite, no keys, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/app/leadline demo "$@"
