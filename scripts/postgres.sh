#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 and create the test role and database, idempotently.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15
fi
if ! pg_lsclusters --no-header | awk '{print $1, $2}' | grep -qx "15 main"; then
  pg_createcluster 15 main
fi
port=$(pg_lsclusters --no-header | awk '$1 == 15 && $2 == "main" {print $3}')
if [ "$port" != "5432" ]; then
  echo "PostgreSQL 15/main listens on $port; set PG_URL to match." >&2
fi
if ! pg_lsclusters --no-header | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port"
psql_as_postgres() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql_as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'raaderum'")" ]; then
  psql_as_postgres -c "CREATE ROLE raaderum LOGIN PASSWORD 'raaderum' CREATEDB"
fi
if [ -z "$(psql_as_postgres -c "SELECT 1 FROM pg_database WHERE datname = 'raaderum'")" ]; then
  psql_as_postgres -c "CREATE DATABASE raaderum OWNER raaderum"
fi
