#!/usr/bin/env bash
# Installs what the browser and PostgreSQL tests need: Debian's chromium and postgresql.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO=""; fi
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies: chromium and postgresql are installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test dependencies: apt-get not found; please install: ${need[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
  echo "test dependencies: not root and no sudo; please install: ${need[*]}" >&2
  exit 0
fi
echo "test dependencies: installing ${need[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
