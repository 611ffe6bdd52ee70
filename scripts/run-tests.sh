#!/usr/bin/env bash
# Runs the whole suite on SQLite, then again with PostgreSQL as the app database.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=".venv/bin/python"
status=0

echo "== lint"
.venv/bin/ruff check . || status=1

echo "== tests on SQLite"
"$PY" -m pytest "$@" || status=1

if pg_url="$(bash scripts/pg-test-server.sh start)"; then
  echo "== tests on PostgreSQL ($pg_url)"
  # The scorer's tests touch no database (plain Python): they ran once above.
  LAB_TEST_DATABASE_URL="$pg_url" \
  LAB_TEST_STORE_URL="${pg_url%/*}/tnps_lab_store_test" \
    "$PY" -m pytest --ignore=tests/unit/scoring "$@" || status=1
else
  echo "== PostgreSQL could not be started here: the PostgreSQL run is skipped" >&2
  if [ "${CI:-}" = "true" ]; then status=1; fi
fi
exit $status
