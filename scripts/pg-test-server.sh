#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests on 127.0.0.1:$PGPORT and prints its URL.
# Usage: pg-test-server.sh start|stop
set -euo pipefail

PGPORT="${LAB_TEST_PGPORT:-54329}"
DATA="${LAB_TEST_PGDATA:-/tmp/tnps-lab-pg-$PGPORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"

as_owner() {
  # initdb and postgres refuse to run as root: use the postgres system user then.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    [ -n "$BIN" ] || { echo "postgresql is not installed" >&2; exit 1; }
    if [ ! -s "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
      as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -o \
        "-p $PGPORT -c listen_addresses=127.0.0.1 -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    fi
    for db in tnps_lab_test tnps_lab_store_test; do
      as_owner "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 ||
        as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$db"
    done
    echo "postgresql+psycopg://postgres@127.0.0.1:$PGPORT/tnps_lab_test"
    ;;
  stop)
    [ -n "$BIN" ] && [ -d "$DATA" ] && as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null || true
    ;;
esac
