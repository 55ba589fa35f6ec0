#!/usr/bin/env bash
# Installs, with apt-get, those of the given Debian packages that are not installed yet; `apt-get update` runs once,
# and only when something is missing. As root it installs directly, otherwise through sudo; without either it names
# the exact command and fails. Used by scripts/quickstart (what the example needs) and .ci/run (what the tests need).
# Usage: scripts/system-packages.sh PACKAGE...
set -euo pipefail

log() { printf '[setup] %s\n' "$*"; }

# True when the Debian package is installed (not merely known or half-removed).
installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for pkg in "$@"; do
  installed "$pkg" || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
  log "system packages present: $*"
  exit 0
fi

if [[ "$(id -u)" == 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo --preserve-env=DEBIAN_FRONTEND)
else
  log "missing: ${missing[*]}; install them as root: apt-get update && apt-get install -y ${missing[*]}"
  exit 3
fi
export DEBIAN_FRONTEND=noninteractive
log "installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
# Recommends stay on, as in the install verified on these machines (catatonit, which podman uses for pod infra
# containers, is one of them).
"${as_root[@]}" apt-get install -y -q "${missing[@]}"
