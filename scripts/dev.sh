#!/usr/bin/env bash
# The two quick-start commands without make: `scripts/dev.sh run` and `scripts/dev.sh test`.
# The Makefile calls this script, so both ways do the same thing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
VENV="${VENV:-.venv}"
BIN="$VENV/bin"

setup() {
  # Reinstall only when pyproject.toml changed since the last install.
  if [ ! -x "$BIN/python" ]; then "$PYTHON" -m venv "$VENV"; fi
  if [ ! -f "$VENV/.installed" ] || [ pyproject.toml -nt "$VENV/.installed" ]; then
    "$BIN/python" -m pip install --quiet --upgrade pip
    "$BIN/python" -m pip install --quiet -e '.[test]'
    touch "$VENV/.installed"
  fi
  "$BIN/pybabel" compile --statistics -d lab/translations
}

case "${1:-}" in
  setup) setup ;;
  run)
    setup
    "$BIN/lab" db upgrade
    "$BIN/lab" demo
    exec "$BIN/lab" run
    ;;
  test)
    setup
    bash scripts/test-deps.sh
    shift
    PATH="$PWD/$BIN:$PATH" exec bash scripts/run-tests.sh "$@"
    ;;
  *)
    echo "usage: scripts/dev.sh run|test|setup" >&2
    exit 2
    ;;
esac
