#!/usr/bin/env bash
# Starts a local PostgreSQL 15 and Redis for the test suite and creates the test role and
# database (leadline/leadline, database leadline_test). Idempotent; needs root or sudo.
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  $SUDO pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1==15 && $2=="main" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster 15 main start
fi
for i in $(seq 1 30); do
  as_postgres psql -qAtc 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done
as_postgres psql -qAt <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leadline') THEN
    CREATE ROLE leadline LOGIN PASSWORD 'leadline';
  END IF;
END $$;
SQL
for db in leadline_test leadline_bench; do
  as_postgres psql -qAtc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || as_postgres createdb -O leadline "$db"
done

if ! redis-cli -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save '' --appendonly no >/dev/null
fi
echo "services: PostgreSQL 15 on 127.0.0.1:5432 (leadline/leadline), Redis on 127.0.0.1:6379"
