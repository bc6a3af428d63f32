package io.nautilus.bench.redis;

import io.nautilus.bus.Envelope;
import io.nautilus.bus.codec.EnvelopeCodec;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.redis.RedisBridge;
import io.nautilus.bus.redis.RedisBridgeConfig;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load script (a plain {@code main}, not JMH): export throughput of the Redis bridge next to the ceiling the same
 * Redis reaches with {@code redis-benchmark -P 64} XADD of an entry of the same size, in one run.
 * <pre>
 *   publisher --publish--> LocalBus --export--> outbox --(redis-export thread: encode JSON, pipelined XADD
 *                                                         MAXLEN ~ in batches, manual flush)--> redis-server
 *   redis-benchmark -P 64 XADD key MAXLEN ~ n * e <body of the same length> ------------> redis-server
 * </pre>
 * The rate is messages confirmed by Redis (XADD replies) per second, from the first publish to the last
 * confirmation. The publisher pauses when the outbox holds more than half its capacity (the harness must not
 * measure drops). A private redis-server (from PATH, no persistence) is started on a free port. One warm-up run,
 * then three measured runs (each a new bridge on a new prefix).
 *
 * <p>Run: {@code java --sun-misc-unsafe-memory-access=allow -cp benchmarks/target/benchmarks.jar
 * io.nautilus.bench.redis.ExportThroughput [messages=1000000] [batch=512]}
 */
public final class ExportThroughput {
    private static final long T = 1_700_000_000_000_000_000L;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private ExportThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : RedisBridgeConfig.DEFAULT_BATCH_SIZE;
        BenchRedis.quietLogs();
        try (BenchRedis redis = BenchRedis.start()) {
            int bodyLength = EnvelopeCodec.standard().encode(new Envelope(n, "3f2a9c1b", "md.quote.AAPL", Priority.NORMAL,
                    "marketdata", T, quote(n), null)).length;
            double ceiling = redisBenchmark(redis.port, n, bodyLength);
            export(redis, n, batch, "warmup"); // JIT warm-up, not reported
            double[] ours = new double[3];
            for (int run = 0; run < ours.length; run++) {
                ours[run] = export(redis, n, batch, "bench" + run);
            }
            java.util.Arrays.sort(ours);
            System.out.printf(Locale.ROOT, "entry body: %d bytes%n", bodyLength);
            System.out.printf(Locale.ROOT, "redis-benchmark -P 64 XADD: %,.0f msgs/s%n", ceiling);
            System.out.printf(Locale.ROOT, "bridge export (batch %d), 3 runs: %,.0f / %,.0f / %,.0f msgs/s; median %.0f%% of redis-benchmark%n",
                    batch, ours[0], ours[1], ours[2], 100 * ours[1] / ceiling);
        }
    }

    private static Quote quote(int i) {
        return new Quote("AAPL", 189.5 + (i % 100) * 0.01, 189.52 + (i % 100) * 0.01, 100 + i % 7, 200, T + i);
    }

    /** Publishes n quotes and returns confirmed exports per second. */
    private static double export(BenchRedis redis, int n, int batch, String prefix) throws InterruptedException {
        var config = RedisBridgeConfig.custom(redis.uri()).prefix(prefix).batchSize(batch).maxLen(n).outboxCapacity(200_000).build();
        try (var bus = LocalBus.create(); var bridge = RedisBridge.start(bus, config, Clock.system())) {
            while (!bridge.connected()) {
                Thread.sleep(10);
            }
            MessageBus pub = bus.forEngine("marketdata");
            Quote[] quotes = new Quote[100];
            for (int i = 0; i < quotes.length; i++) {
                quotes[i] = quote(i);
            }
            long jvmCpu0 = PROCESS.getProcessCpuTime();
            long redisCpu0 = redis.cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                pub.publish("md.quote.AAPL", quotes[i % quotes.length]);
                if ((i & 1023) == 0) {
                    while (bridge.stats().outboxDepth() > config.outboxCapacity() / 2) {
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000); // leave the CPU to the exporter
                    }
                }
            }
            while (bridge.stats().exported() < n) {
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            // CPU per message: less distorted by the other jobs on the machine than the rate
            System.out.printf(Locale.ROOT, "%s: %,.0f msgs/s, CPU per message: this JVM %.2f us, redis-server %.2f us%n",
                    prefix, n / seconds, (PROCESS.getProcessCpuTime() - jvmCpu0) / 1e3 / n,
                    (redis.cpuNanos() - redisCpu0) / 1e3 / n);
            if (bridge.stats().dropped() > 0) {
                throw new IllegalStateException("the harness overran the outbox: " + bridge.stats().dropped() + " dropped");
            }
            return n / seconds;
        }
    }

    /** {@code redis-benchmark -P 64} (50 clients, its default) XADD of a body of the given length; returns requests per second. */
    private static double redisBenchmark(int port, int n, int bodyLength) throws Exception {
        String body = "x".repeat(bodyLength);
        Process p = new ProcessBuilder("redis-benchmark", "-p", Integer.toString(port), "-P", "64", "-n",
                Integer.toString(n), "-q", "XADD", "rb:md", "MAXLEN", "~", Integer.toString(n), "*", "e", body)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("([0-9.]+) requests per second").matcher(out);
        double rps = 0;
        while (m.find()) {
            rps = Double.parseDouble(m.group(1)); // the last figure is the final one (-q prints progress too)
        }
        if (rps == 0) {
            throw new IllegalStateException("cannot read redis-benchmark output: " + out);
        }
        return rps;
    }
}
