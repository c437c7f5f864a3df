#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: packages, services, build, ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/start-services.sh
scripts/build.sh
export LEADLINE_TEST_DATABASE_URL="${LEADLINE_TEST_DATABASE_URL:-postgresql://leadline:leadline@127.0.0.1:5432/leadline_test}"
export LEADLINE_REQUIRE_POSTGRES="${LEADLINE_REQUIRE_POSTGRES:-1}"
export LEADLINE_REQUIRE_REDIS="${LEADLINE_REQUIRE_REDIS:-1}"
export LEADLINE_REQUIRE_TOOLS="${LEADLINE_REQUIRE_TOOLS:-1}"
cd build
# Three at a time on 2 cores: most of the suite's time is calls at real pace and processes that
# wait (about a third of 2 cores busy at -j3); CTest starts the longest tests first. About 2.5 min
# (-j2: about 4 min).
ctest --output-on-failure --timeout 600 -j3
