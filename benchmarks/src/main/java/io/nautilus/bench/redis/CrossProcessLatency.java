package io.nautilus.bench.redis;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.redis.RedisBridge;
import io.nautilus.bus.redis.RedisBridgeConfig;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Load script (a plain {@code main}, not JMH): cross-process publish-to-handler latency through Redis at a fixed
 * rate, as HdrHistogram percentiles.
 * <pre>
 *   JVM 1: publisher (paced) -> LocalBus -> outbox -> XADD (pipelined) --+
 *                                                                        v
 *                                                                   redis-server
 *                                                                        |
 *   JVM 2: XREADGROUP (BLOCK) -> decode -> inject -> ring "features" -> handler: record now - publish time
 * </pre>
 * Both JVMs stamp with {@link Clock#system()}: epoch nanoseconds from the monotonic clock anchored to the same OS
 * wall clock when each JVM starts, so the two clocks agree to within microseconds on one machine. Each message
 * also carries its intended send time; {@code fromIntended} adds the time the publisher itself was late
 * (coordinated omission). Warm-up messages are delivered but not recorded. A private redis-server (from PATH, no
 * persistence) is started on a free port.
 *
 * <p>Run: {@code java --sun-misc-unsafe-memory-access=allow -cp benchmarks/target/benchmarks.jar
 * io.nautilus.bench.redis.CrossProcessLatency [msgsPerSecond=10000] [seconds=20] [warmupSeconds=5]}
 */
public final class CrossProcessLatency {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(30);

    private CrossProcessLatency() {
    }

    public static void main(String[] args) throws Exception {
        BenchRedis.quietLogs();
        if (args.length > 0 && args[0].equals("consume")) {
            consume(args[1], args[2], Long.parseLong(args[3]), Long.parseLong(args[4]));
            return;
        }
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long warm = (long) rate * warmup;
        long total = warm + (long) rate * seconds;
        try (BenchRedis redis = BenchRedis.start()) {
            String prefix = "lat";
            // the consumer JVM gets this JVM's options (e.g. -Xlog:gc, heap settings)
            var command = new java.util.ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrossProcessLatency.class.getName(),
                    "consume", redis.uri(), prefix, Long.toString(warm), Long.toString(total)));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                System.out.println("consumer: " + line); // e.g. its GC log lines
            }
            if (line == null) {
                throw new IllegalStateException("consumer did not start");
            }
            publish(redis.uri(), prefix, rate, total);
            while ((line = out.readLine()) != null) {
                System.out.println("consumer: " + line);
            }
            child.waitFor();
        }
    }

    private static void publish(String uri, String prefix, int rate, long total) throws InterruptedException {
        var config = RedisBridgeConfig.custom(uri).prefix(prefix).build();
        try (var bus = LocalBus.create(); var bridge = RedisBridge.start(bus, config, Clock.system())) {
            while (!bridge.connected()) {
                Thread.sleep(10);
            }
            MessageBus pub = bus.forEngine("marketdata");
            Clock clock = Clock.system();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = clock.nowNanos();
            for (long i = 0; i < total; i++) {
                long intended = start + i * interval;
                long now;
                while ((now = clock.nowNanos()) < intended) {
                    LockSupport.parkNanos(intended - now); // never spin: on 2 cores a spinning publisher starves the bridge
                }
                pub.publish("md.quote.AAPL", new Quote("AAPL", 100, 100.5, i, 1, intended));
            }
            while (bridge.stats().exported() < total) {
                Thread.sleep(5);
            }
        }
    }

    private static void consume(String uri, String prefix, long warm, long total) throws InterruptedException {
        var fromPublish = new Histogram(HIGHEST_NANOS, 3);
        var fromIntended = new Histogram(HIGHEST_NANOS, 3);
        var done = new java.util.concurrent.CountDownLatch(1);
        Clock clock = Clock.system();
        var config = RedisBridgeConfig.custom(uri).prefix(prefix).build();
        try (var bus = LocalBus.create(); var bridge = RedisBridge.start(bus, config, clock)) {
            long[] seen = {0};
            bus.forEngine("features").subscribe("md.>", Quote.class, (q, m) -> {
                long now = clock.nowNanos();
                if ((long) q.bidSize() >= warm) {
                    fromPublish.recordValue(Math.max(0, now - m.timestampNanos()));
                    fromIntended.recordValue(Math.max(0, now - q.tsNanos()));
                }
                if (++seen[0] == total) {
                    done.countDown();
                }
            });
            bridge.importFor("features");
            while (!bridge.connected()) {
                Thread.sleep(10);
            }
            System.out.println("READY");
            System.out.flush();
            long t0 = System.nanoTime();
            while (!done.await(2, TimeUnit.SECONDS)) {
                System.out.printf(Locale.ROOT, "t=%.0fs handled=%d imported=%d%n", (System.nanoTime() - t0) / 1e9, seen[0],
                        bridge.stats().imported());
            }
            for (var h : List.of(new Object[]{"fromPublish", fromPublish}, new Object[]{"fromIntended", fromIntended})) {
                Histogram x = (Histogram) h[1];
                System.out.printf(Locale.ROOT, "%-12s n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms p99.9=%.3f ms max=%.3f ms%n",
                        h[0], x.getTotalCount(), x.getValueAtPercentile(50) / 1e6, x.getValueAtPercentile(90) / 1e6,
                        x.getValueAtPercentile(99) / 1e6, x.getValueAtPercentile(99.9) / 1e6, x.getMaxValue() / 1e6);
            }
            System.out.printf(Locale.ROOT, "duplicates=%d imported=%d%n", bridge.stats().duplicates(), bridge.stats().imported());
        }
    }
}
