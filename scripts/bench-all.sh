#!/usr/bin/env bash
# Runs every performance target's benchmark once, one after the other (nothing else should run meanwhile: the
# machine has 2 cores), and keeps each tool's raw output under the given directory.
#   scripts/bench-all.sh [outdir=bench-results]     (about 20 minutes)
# Needs JDK 25 (JAVA_HOME), curl; builds benchmarks/target/benchmarks.jar and launcher/target/nautilus.jar first.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench-results}
mkdir -p "$out"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
./mvnw -q -pl benchmarks,launcher -am package -DskipTests || exit 1
jmh() { # name regex [JMH options replacing the defaults -f 1 -wi 2 -i 3 -w 2s -r 3s]
  local name=$1 regex=$2; shift 2
  local opts=(-f 1 -wi 2 -i 3 -w 2s -r 3s)
  [ $# -gt 0 ] && opts=("$@")
  echo "== $name: $regex ${opts[*]}  (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/summary.txt"
  "$java_bin" --sun-misc-unsafe-memory-access=allow -jar benchmarks/target/benchmarks.jar "$regex" \
     "${opts[@]}" > "$out/$name.txt" 2>&1
  sed -n '/^Benchmark/,$p' "$out/$name.txt" | grep -v '^$' | tee -a "$out/summary.txt"
}
# platform spine (bus)
jmh bus-1to1-vs-raw 'bus.(OneToOneThroughput|RawDisruptorOneToOne)' -f 1 -wi 2 -i 3 -w 2s -r 3s \
  -p waitMode=BLOCKING -p waitStrategy=phasedLite,yielding -p variant=plain
# what a per-message publish needs with nothing else of the bus (multi-producer claim, timestamp, id): the ceiling
# of MessageBus.publish, next to the reference (c)
jmh bus-raw-variants 'bus.RawDisruptorOneToOne' -f 1 -wi 2 -i 3 -w 2s -r 3s -p waitStrategy=phasedLite \
  -p variant=plain,multi,stamped
jmh bus-1to3 'bus.OneToThreeThroughput' -f 1 -wi 2 -i 3 -w 2s -r 3s -p waitMode=BLOCKING -prof gc
echo "== bus latency at 100k msgs/s (BLOCKING)" | tee -a "$out/summary.txt"
"$java_bin" --sun-misc-unsafe-memory-access=allow -cp benchmarks/target/benchmarks.jar \
  io.nautilus.bench.bus.PublishToHandlerLatency BLOCKING 100000 10 5 2>&1 | tee "$out/bus-latency.txt" | tail -7 | tee -a "$out/summary.txt"
echo "== all-in-one start time" | tee -a "$out/summary.txt"
NAUTILUS_PORT_OFFSET=20000 scripts/start-time.sh 3 2>&1 | tee -a "$out/summary.txt"
# engines
jmh marketdata-pipeline 'marketdata.(PipelineThroughput|TickToBusLatency)'
echo "== marketdata HTTP ingest" | tee -a "$out/summary.txt"
scripts/load/marketdata-ingest.sh --requests 2000 --clients 4 2>&1 | tee "$out/marketdata-http.txt" | tail -4 | tee -a "$out/summary.txt"
jmh features-stream 'features.FeatureStreamBenchmark'
jmh features-batch 'features.BatchVsTa4jBenchmark' -f 1 -wi 1 -i 2 -w 2s -r 3s
jmh risk 'risk.(PreTradeCheckBenchmark|HistoricalVarBenchmark)'
echo "== risk HTTP check" | tee -a "$out/summary.txt"
scripts/load/risk-check.sh 32 10 2>&1 | tee "$out/risk-http.txt" | tail -4 | tee -a "$out/summary.txt"
jmh portfolio 'portfolio.(OptimizerBenchmark|OrderToFillLatency)'
jmh analytics 'analytics.(PerformanceMetricsBenchmark|PnlUpdateBenchmark)'
echo "done: $out/summary.txt"
