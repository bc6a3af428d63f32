#!/usr/bin/env bash
# Load test of POST /risk/check/{portfolio_id} against a risk engine on 127.0.0.1 (target: >= 10k req/s, p99 <= 10 ms).
# Starts the engine alone in its own JVM (RiskServer; it also serves GET /hello on port+1 from a bare Javalin server),
# creates the seed's four limits, runs bounded closed-loop loads, then stops the engine.
#
# Usage: scripts/load/risk-check.sh [concurrency=32] [seconds=15] [port=18200] [target=all]
#   target: check  POST /risk/check/p<0..7> with the seed's flat-position body
#           health GET /health of the engine (the Nautilus HTTP chrome, no engine work)
#           hello  GET /hello of the bare Javalin server (the HTTP ceiling of this machine)
#           all    check, health and hello one after the other against the same server (default)
#   LOAD_CLIENT=wrk  (default) wrk with 2 threads and <concurrency> keep-alive connections, --latency. wrk is
#                    closed-loop: a connection sends its next request only after the answer, so a slow server
#                    lowers the offered load and the percentiles understate the latency an open-loop client
#                    (wrk2) would see (coordinated omission); wrk2 is not installed here.
#   LOAD_CLIENT=java the JDK HttpClient load generator (RiskCheckLoad: virtual threads, HdrHistogram), also closed-loop.
# Each target gets a warm-up (WARMUP seconds, default 10: after 5 s the JIT is still compiling Jetty), then the
# measured run. Printed per target: throughput, latency percentiles, the server's CPU time per request during the
# measured run, and the load average before and after.
# Needs: benchmarks/target/benchmarks.jar (./mvnw -q -o -pl benchmarks -am package -DskipTests), JDK 25, curl, wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONCURRENCY="${1:-32}"
SECONDS_RUN="${2:-15}"
PORT="${3:-18200}"
TARGET="${4:-all}"
CLIENT="${LOAD_CLIENT:-wrk}"
WARMUP="${WARMUP:-10}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=benchmarks/target/benchmarks.jar
BASE="http://127.0.0.1:$PORT"
HELLO="http://127.0.0.1:$((PORT + 1))"
[ -f "$JAR" ] || { echo "missing $JAR: build it with ./mvnw -q -o -pl benchmarks -am package -DskipTests" >&2; exit 1; }
[ "$CLIENT" != wrk ] || command -v wrk > /dev/null || { echo "wrk not found: install it or use LOAD_CLIENT=java" >&2; exit 1; }
DATA="$(mktemp -d)"
"$JAVA" --sun-misc-unsafe-memory-access=allow -Xmx1g ${SERVER_JAVA_OPTS:-} -cp "$JAR" io.nautilus.bench.risk.RiskServer \
  "$PORT" "$DATA" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do
  curl -sf "$BASE/health" > /dev/null 2>&1 && curl -sf "$HELLO/hello" > /dev/null 2>&1 && break
  sleep 0.2
done
for limit in '"limit_id":"pv","limit_type":"portfolio_value","limit_value":200000' \
             '"limit_id":"lev","limit_type":"leverage","limit_value":3' \
             '"limit_id":"loss","limit_type":"daily_loss","limit_value":10000' \
             '"limit_id":"pos","limit_type":"position_size","limit_value":150000'; do
  curl -sf -X POST -H 'Content-Type: application/json' -d "{$limit}" "$BASE/risk/limits" > /dev/null
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# load <target> <seconds> <histogram: yes|no>: one closed-loop run, output in $DATA/run.txt
load() {
  local url path
  case "$1" in
    check) url="$BASE"; path=/risk/check/p0 ;;
    health) url="$BASE"; path=/health ;;
    hello) url="$HELLO"; path=/hello ;;
    *) echo "unknown target $1 (check, health, hello, all)" >&2; exit 2 ;;
  esac
  if [ "$CLIENT" = wrk ]; then
    local script=()
    [ "$1" != check ] || script=(-s scripts/load/risk-check.lua)
    wrk -t2 -c"$CONCURRENCY" -d"${2}s" --timeout 5s ${3:+--latency} "${script[@]}" "$url$path" > "$DATA/run.txt"
  else
    "$JAVA" --sun-misc-unsafe-memory-access=allow -cp "$JAR" io.nautilus.bench.risk.RiskCheckLoad \
      "$url" "$CONCURRENCY" 0 "$2" "$1" > "$DATA/run.txt"
  fi
}

measure() {
  load "$1" "$WARMUP" ""
  local before_load before_cpu after_cpu
  before_load=$(loadavg)
  before_cpu=$(cpu_ticks)
  load "$1" "$SECONDS_RUN" yes
  after_cpu=$(cpu_ticks)
  echo "=== $1 (client=$CLIENT concurrency=$CONCURRENCY seconds=$SECONDS_RUN) $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  cat "$DATA/run.txt"
  local rps p50 p99
  if [ "$CLIENT" = wrk ]; then
    rps=$(awk '/^Requests\/sec/ {print $2}' "$DATA/run.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$DATA/run.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$DATA/run.txt")
  else
    rps=$(sed -n 's/.*throughput=\([0-9.]*\).*/\1/p' "$DATA/run.txt")
    p50=$(sed -n 's/.*p50=\([0-9]*\).*/\1us/p' "$DATA/run.txt")
    p99=$(sed -n 's/.* p99=\([0-9]*\).*/\1us/p' "$DATA/run.txt")
  fi
  awk -v t=$((after_cpu - before_cpu)) -v hz="$(getconf CLK_TCK)" -v rps="$rps" -v s="$SECONDS_RUN" \
      -v target="$1" -v p50="$p50" -v p99="$p99" -v lb="$before_load" -v la="$(loadavg)" \
    'BEGIN { printf "SUMMARY target=%s req_per_s=%.0f p50=%s p99=%s server_cpu_us_per_req=%.0f load_before=%s load_after=%s\n",
             target, rps, p50, p99, t / hz * 1e6 / (rps * s), lb, la }'
}

if [ "$TARGET" = all ]; then
  for t in check health hello; do measure "$t"; done
else
  measure "$TARGET"
fi
