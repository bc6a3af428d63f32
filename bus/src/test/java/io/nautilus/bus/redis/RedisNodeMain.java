package io.nautilus.bus.redis;

import io.javalin.config.RoutesConfig;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Test-only main: one engine per JVM on the Redis bridge, hosted by {@link EngineHost} as the launcher's
 * {@code --engine X --redis URI} mode hosts it. The build does not have real engines yet, so three small engines
 * stand in for market data, features and analytics:
 * <ul>
 *   <li>{@code ticker <uri> <prefix> <count>} (marketdata): publishes {@code count} quotes {@code md.quote.<SYM>}
 *       with bid size = sequence, once the line {@code GO} arrives on stdin; answers {@code md.history.bars};</li>
 *   <li>{@code midpoint <uri> <prefix>} (features): turns every quote into a feature vector {@code feature.<SYM>}
 *       with {@code mid} and {@code seq};</li>
 *   <li>{@code counter <uri> <prefix>} (analytics): prints {@code F <seq>} per feature vector and, on the first,
 *       asks the ticker for bar history across processes and prints {@code REPLY <symbol>};</li>
 *   <li>{@code slow <uri> <prefix> <micros>} (features): prints {@code H <seq>} per quote after a slow handler.</li>
 * </ul>
 * Every mode prints {@code READY} once its links to Redis are up.
 */
public final class RedisNodeMain {
    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);

    private RedisNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        var config = RedisBridgeConfig.custom(args[1]).prefix(args[2]).claimMinIdle(Duration.ofSeconds(2))
                .reclaimInterval(Duration.ofMillis(500)).backoff(Duration.ofMillis(20), Duration.ofMillis(500)).build();
        Engine engine = switch (mode) {
            case "ticker" -> new Ticker(Integer.parseInt(args[3]));
            case "midpoint" -> new Midpoint();
            case "counter" -> new Counter();
            case "slow" -> new Slow(Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        var bus = LocalBus.create();
        var bridge = RedisBridge.start(bus, config, Clock.system());
        var dir = Files.createTempDirectory("node-");
        var host = new EngineHost(engine, HostSettings.defaults().withDataDir(dir.toString()), bus, Clock.system(),
                bridge::connected);
        bridge.bindMetrics(host.registry());
        host.start();
        bridge.importFor(engine.id().cliName());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bridge.stopImport();
            host.close();
            bridge.close();
            bus.close();
        }));
        // connected() is true once every link is up, and an import link is up once its consumer groups exist
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!bridge.connected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        println("READY " + engine.id().cliName());
        if (engine instanceof Ticker t) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
            if ("GO".equals(in.readLine())) {
                t.run();
            }
        }
        Thread.currentThread().join();
    }

    static synchronized void println(String s) {
        OUT.println(s);
        OUT.flush(); // before the handler returns, i.e. before the acknowledgement
    }

    private abstract static class TestEngine implements Engine {
        private final EngineId id;
        EngineContext ctx;

        TestEngine(EngineId id) {
            this.id = id;
        }

        @Override
        public EngineId id() {
            return id;
        }

        @Override
        public void start(EngineContext c) {
            this.ctx = c;
        }

        @Override
        public void routes(RoutesConfig routes) {
        }

        @Override
        public Health health() {
            return Health.up(Map.of());
        }

        @Override
        public void stop() {
        }
    }

    private static final class Ticker extends TestEngine {
        private final int count;

        Ticker(int count) {
            super(EngineId.MARKETDATA);
            this.count = count;
        }

        @Override
        public void start(EngineContext c) {
            super.start(c);
            c.bus().respond(BarHistoryRequest.TOPIC, BarHistoryRequest.class,
                    r -> new BarHistory(r.symbol(), r.interval(), List.of()));
        }

        void run() {
            long t0 = ctx.clock().nowNanos();
            for (int i = 0; i < count; i++) {
                String sym = i % 2 == 0 ? "AAPL" : "MSFT";
                ctx.bus().publish("md.quote." + sym, new Quote(sym, 100 + i * 1e-4, 100.01 + i * 1e-4, i, 1, t0 + i));
                if (i % 100 == 99) {
                    LockSupport.parkNanos(5_000_000);
                }
            }
            println("SENT " + count);
        }
    }

    private static final class Midpoint extends TestEngine {
        Midpoint() {
            super(EngineId.FEATURES);
        }

        @Override
        public void start(EngineContext c) {
            super.start(c);
            c.bus().subscribe("md.quote.>", Quote.class, (q, m) -> c.bus().publish("feature." + q.symbol(),
                    new FeatureVector(q.symbol(), "tick", q.tsNanos(), Map.of("mid", q.mid(), "seq", q.bidSize()))));
        }
    }

    private static final class Counter extends TestEngine {
        private final AtomicLong seen = new AtomicLong();

        Counter() {
            super(EngineId.ANALYTICS);
        }

        @Override
        public void start(EngineContext c) {
            super.start(c);
            c.bus().subscribe("feature.>", FeatureVector.class, (f, m) -> {
                println("F " + f.values().get("seq").longValue() + " " + m.source());
                if (seen.getAndIncrement() == 0) {
                    c.bus().request(BarHistoryRequest.TOPIC, new BarHistoryRequest(f.symbol(), "1m", 0, Long.MAX_VALUE, 10),
                            BarHistory.class, Duration.ofSeconds(20)).whenComplete((h, e) ->
                            println(e == null ? "REPLY " + h.symbol() : "REPLY-FAILED " + e));
                }
            });
        }
    }

    private static final class Slow extends TestEngine {
        private final long micros;

        Slow(long micros) {
            super(EngineId.FEATURES);
            this.micros = micros;
        }

        @Override
        public void start(EngineContext c) {
            super.start(c);
            c.bus().subscribe("md.>", Quote.class, (q, m) -> {
                TimeUnit.MICROSECONDS.sleep(micros);
                println("H " + (long) q.bidSize());
            });
        }
    }
}
