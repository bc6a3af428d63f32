#!/usr/bin/env bash
# HTTP batch ingest load for the Market Data engine: POST /data/ingest, 1,000-record batches, bounded by a request
# count and a time limit. Without --url it starts the engine in the load JVM on an ephemeral 127.0.0.1 port.
#
#   scripts/load/marketdata-ingest.sh [--requests 2000] [--batch 1000] [--clients 4] [--seconds 60] [--url http://127.0.0.1:8800]
#
# Needs benchmarks/target/benchmarks.jar (./mvnw -q -o -pl benchmarks -am package -DskipTests). Target: >= 200k records/s.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=benchmarks/target/benchmarks.jar
if [[ ! -f "$JAR" ]]; then
  echo "missing $JAR: build it with ./mvnw -q -o -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi
exec "$JAVA" --sun-misc-unsafe-memory-access=allow -Xmx1g -cp "$JAR" io.nautilus.bench.marketdata.MarketDataHttpLoad "$@"
