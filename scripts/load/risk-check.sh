#!/usr/bin/env bash
# Load test of POST /risk/check/{portfolio_id} against a risk engine on 127.0.0.1 (target: >= 10k req/s, p99 <= 10 ms).
# Starts the engine alone in its own JVM, runs a bounded closed-loop load from a second JVM, then stops the engine.
# Usage: scripts/load/risk-check.sh [concurrency=32] [seconds=15] [port=18200] [health]
# (a 4th argument "health" loads GET /health instead: the HTTP stack alone, as a baseline)
# Needs: benchmarks/target/benchmarks.jar (./mvnw -q -pl benchmarks -am package -DskipTests) and JDK 25.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONCURRENCY="${1:-32}"
SECONDS_RUN="${2:-15}"
PORT="${3:-18200}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: build it with ./mvnw -q -pl benchmarks -am package -DskipTests" >&2; exit 1; }
DATA="$(mktemp -d)"
"$JAVA" --sun-misc-unsafe-memory-access=allow -Xmx1g -cp "$JAR" io.nautilus.bench.risk.RiskServer "$PORT" "$DATA" \
  > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/health" > /dev/null 2>&1 && break
  sleep 0.2
done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
BEFORE=$(cpu_ticks)
"$JAVA" --sun-misc-unsafe-memory-access=allow -cp "$JAR" io.nautilus.bench.risk.RiskCheckLoad \
  "http://127.0.0.1:$PORT" "$CONCURRENCY" 5 "$SECONDS_RUN" "${4:-check}" | tee "$DATA/load.txt"
AFTER=$(cpu_ticks)
# server CPU per request (warm-up included), to tell CPU cost from waiting on a shared, overloaded machine
REQUESTS=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$DATA/load.txt")
TICKS=$(getconf CLK_TCK)
awk -v t=$((AFTER - BEFORE)) -v hz="$TICKS" -v n="$REQUESTS" -v s="$SECONDS_RUN" \
  'BEGIN { printf "server_cpu_seconds=%.2f (over %d s of load + 5 s warm-up) cpu_us_per_measured_request<=%.0f load_average=%s\n", t / hz, s, t / hz * 1e6 / n, "'"$(cut -d' ' -f1 /proc/loadavg)"'" }'
