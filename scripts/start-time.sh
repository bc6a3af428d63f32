#!/usr/bin/env bash
# Measures all-in-one start: from launching `java -jar nautilus.jar` to every running engine answering /health.
# Usage: scripts/start-time.sh [runs]   (needs launcher/target/nautilus.jar and curl; ports 8100..8900 + offset free)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
offset=${NAUTILUS_PORT_OFFSET:-10000}
# the AOT cache the build records (launcher/target/nautilus.aot), as the README's run command uses it
aot=()
[ -f launcher/target/nautilus.aot ] && aot=(-XX:AOTCache=launcher/target/nautilus.aot)
for r in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  log=$(mktemp)
  t0=$(date +%s%N)
  "$java_bin" "${aot[@]}" --sun-misc-unsafe-memory-access=allow -jar launcher/target/nautilus.jar --port-offset "$offset" \
    --data-dir "$data" >"$log" 2>&1 &
  pid=$!
  # wait for the banner, then for every URL it lists to answer /health with 200
  until grep -q ' up in ' "$log"; do sleep 0.01; done
  urls=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$log" || true)
  for u in $urls; do
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$u/health")" = 200 ]; do sleep 0.01; done
  done
  t1=$(date +%s%N)
  echo "run $r: $(( (t1 - t0) / 1000000 )) ms to all /health ($(echo "$urls" | grep -c http || true) engines; banner: $(grep ' up in ' "$log"))"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data" "$log"
done
