#!/bin/busybox sh
# The heavy build step: WORK rounds of sha256 over ~6.9 MB of generated numbers, each round chained
# to the previous digest so none can be skipped. Writes /opt/holmesgpt/model.json for the API.
set -eu
work=${WORK:-300}
case "$work" in ''|*[!0-9]*) echo "WORK must be a whole number, got '$work'" >&2; exit 2 ;; esac
block=/tmp/holmesgpt-block
seq 1 1000000 > "$block"
digest=seed
i=0
started=$(date +%s)
while [ "$i" -lt "$work" ]; do
  digest=$({ echo "$digest"; cat "$block"; } | sha256sum | cut -c1-64)
  i=$((i + 1))
  # A progress line now and then, so a watchdog sees the build is alive.
  if [ $((i % 25)) -eq 0 ]; then echo "heavy-work: $i/$work rounds"; fi
done
rm -f "$block"
echo "heavy-work: $work rounds in $(( $(date +%s) - started )) s, digest $digest"
printf '{"work":%s,"digest":"%s"}\n' "$work" "$digest" > /opt/holmesgpt/model.json
