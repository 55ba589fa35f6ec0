#!/bin/bash
# The CPU of each e2e file run alone: `bash scripts/e2e-cpu-profile.sh [FILE...]` (default: every test/e2e file) after
# `npm run build`. Needs root and cgroup v1's cpuacct controller (as on the development machine): each file runs in a
# fresh vitest inside the cgroup `tarmac-e2e-profile`, so everything it starts is counted; podman's containers are
# counted apart from podman's own cgroup (`libpod_parent`, cgroupfs manager), which other jobs' containers also use.
# Prints "cpu_s containers_s wall_s exit file" per file. A vitest start with the e2e global setup costs about 8 s of
# CPU here: subtract it for the file's own share.
set -u
acct=/sys/fs/cgroup/cpuacct
mkdir -p "$acct/tarmac-e2e-profile"
echo $$ > "$acct/tarmac-e2e-profile/cgroup.procs"
cd "$(dirname "$0")/.."
usage() { cat "$1/cpuacct.usage" 2>/dev/null || echo 0; }
for file in ${@:-test/e2e/*.test.ts}; do
  project=e2e
  grep -q "'$file'" vitest.config.ts && project=e2e-serial
  a0=$(usage "$acct/tarmac-e2e-profile"); c0=$(usage "$acct/libpod_parent"); t0=$(date +%s.%N)
  npx vitest run --project "$project" "$file" > /dev/null 2>&1
  rc=$?
  a1=$(usage "$acct/tarmac-e2e-profile"); c1=$(usage "$acct/libpod_parent"); t1=$(date +%s.%N)
  awk -v a=$((a1 - a0)) -v c=$((c1 - c0)) -v w="$(echo "$t1 - $t0" | bc)" -v rc=$rc -v f="$file" \
    'BEGIN { printf "%7.1f %6.1f %6.1f %d %s\n", a / 1e9, c / 1e9, w, rc, f }'
done
