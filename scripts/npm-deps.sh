#!/usr/bin/env bash
# Runs `npm ci` unless node_modules already matches package-lock.json (npm writes node_modules/.package-lock.json
# at the end of every install; it is newer than package-lock.json exactly when nothing changed since).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ "${1:-}" != "--force" && -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
  printf '[setup] node_modules matches package-lock.json\n'
  exit 0
fi
printf '[setup] npm ci\n'
npm ci --no-audit --no-fund
