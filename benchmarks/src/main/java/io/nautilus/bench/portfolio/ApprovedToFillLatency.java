package io.nautilus.bench.portfolio;

import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.bus.Handler;
import io.nautilus.core.bus.Message;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.portfolio.PortfolioEngine;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load script (a plain {@code main}, not JMH): order to fill in process, excluding the risk check (target p99 ≤
 * 20 µs), as HdrHistogram percentiles.
 * <pre>
 *   bench --order.approved--> [portfolio ring: price at the touch (Fill.tsNanos) ... end of batch: ONE journal
 *                              write of the batch's fills + orders (fsync per policy), book, publish fill.bench
 *                              (message timestamp)]
 *         --fill.bench--> [observer ring: record]
 * </pre>
 * All times come from one clock ({@link Clock#system()}: the host's clock and the bus's message stamps), so per fill:
 * <ul>
 *   <li>{@code approved->published} = fill message timestamp − {@code Fill.tsNanos}: from the approved order being
 *       priced on the portfolio ring (the first thing its handler does) to the fill being published, i.e. the
 *       journal write (and fsync) plus the in-memory work: the figure the target is about;</li>
 *   <li>{@code send->ring}: bench publish → portfolio ring handler (the inbound bus hop, wake-up included);</li>
 *   <li>{@code send->observer}: end to end, both hops.</li>
 * </ul>
 * Closed loop: a burst of {@code burst} approved market orders (alternately buy and sell 1 unit), then wait for
 * all their fills, then the next burst. {@code burst=1} is one fill per batch, so one commit per fill; a larger
 * burst shows the fills of a batch sharing one journal write. The store applier copies the journal into the store on
 * its own thread (not in the measured path, but it competes for the two cores).
 *
 * <p>Run: {@code java --sun-misc-unsafe-memory-access=allow -cp benchmarks/target/benchmarks.jar
 * io.nautilus.bench.portfolio.ApprovedToFillLatency [store=sqlite] [orders=50000] [warmup=10000] [burst=1]
 * [fsync=default]}, where {@code store} is {@code sqlite} (a file in a temp dir, WAL, synchronous=NORMAL: the
 * target's setting), {@code memory} (SQLite in memory) or a {@code jdbc:postgresql:} URL, and {@code fsync} the
 * journal's policy ({@code never}, {@code batch}, {@code interval}; {@code default} = the engine's default for the
 * store).
 */
public final class ApprovedToFillLatency {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long TS = 1_700_000_000_000_000_000L;

    /** Records the three intervals on the observer's ring thread; read them after {@link #awaitAtLeast}. */
    static final class Recorder implements Handler<Fill> {
        final Histogram ring = new Histogram(HIGHEST_NANOS, 3);
        final Histogram hopIn = new Histogram(HIGHEST_NANOS, 3);
        final Histogram endToEnd = new Histogram(HIGHEST_NANOS, 3);
        final long[] sentNanos;
        private final long warmup;
        private volatile long seen;

        Recorder(int total, long warmup) {
            this.sentNanos = new long[total];
            this.warmup = warmup;
        }

        @Override
        public void onMessage(Fill fill, Message message) {
            long now = Clock.system().nowNanos();
            long n = seen;
            if (n >= warmup) {
                long sent = sentNanos[(int) n];
                ring.recordValue(clamp(message.timestampNanos() - fill.tsNanos()));
                hopIn.recordValue(clamp(fill.tsNanos() - sent));
                endToEnd.recordValue(clamp(now - sent));
            }
            seen = n + 1;
        }

        private static long clamp(long nanos) {
            return Math.max(0, Math.min(nanos, HIGHEST_NANOS));
        }

        void awaitAtLeast(long count) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + count + " fills arrived");
                }
                Thread.yield(); // not a spin: on 2 cores a spinning waiter takes the core the ring threads need
            }
        }
    }

    private ApprovedToFillLatency() {
    }

    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "sqlite";
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int burst = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String fsync = args.length > 4 ? args[4] : "default";
        if (orders < 1 || warmup < 0 || burst < 1 || burst > 1_000) {
            throw new IllegalArgumentException("need orders >= 1, warmup >= 0, burst in [1, 1000]; got " + orders
                    + ", " + warmup + ", " + burst);
        }
        Path dir = Files.createTempDirectory("bench-portfolio");
        EngineConfig config = EngineConfig.empty().with("portfolio.snapshot.interval.seconds", "0");
        if (!fsync.equals("default")) {
            config = config.with("portfolio.journal.fsync", fsync);
        }
        HostSettings settings = HostSettings.defaults().withHttp(HttpSettings.local(0)).withDataDir(dir.toString())
                .withConfig(config);
        settings = switch (store) {
            case "sqlite" -> settings;
            case "memory" -> settings.withDbUrl("jdbc:sqlite::memory:");
            default -> {
                if (!store.startsWith("jdbc:postgresql:")) {
                    throw new IllegalArgumentException("store must be sqlite, memory or a jdbc:postgresql: URL, got " + store);
                }
                yield settings.withDbUrl(store);
            }
        };
        int total = warmup + orders;
        var recorder = new Recorder(total, warmup);
        String portfolio = "bench" + Long.toHexString(System.nanoTime());
        try (LocalBus bus = LocalBus.create()) {
            bus.forEngine("observer").subscribe(Topics.fill(portfolio), Fill.class, recorder);
            EngineHost host = new EngineHost(new PortfolioEngine(), settings, bus, Clock.system(), () -> true).start();
            try {
                createPortfolio(host.port(), portfolio);
                bus.forEngine("marketdata").publish(Topics.quote("AAPL"), new Quote("AAPL", 99.99, 100.01, 0, 0, TS));
                MessageBus risk = bus.forEngine("risk");
                long start = System.nanoTime();
                for (int n = 0; n < total; ) {
                    int end = Math.min(total, n + burst);
                    for (; n < end; n++) {
                        var intent = new OrderIntent(portfolio + "-" + n, portfolio, "bench", "AAPL",
                                (n & 1) == 0 ? Side.BUY : Side.SELL, 1, OrderType.MARKET, Double.NaN, false, TS);
                        var decision = new RiskDecision(intent, true, List.of(), TS);
                        recorder.sentNanos[n] = Clock.system().nowNanos();
                        risk.publish(Topics.ORDER_APPROVED, decision);
                    }
                    recorder.awaitAtLeast(end);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "ApprovedToFillLatency store=%s orders=%d (+%d warm-up) burst=%d"
                        + " fsync=%s: %.0f fills/s%n", store.startsWith("jdbc:") ? "postgresql" : store, orders, warmup,
                        burst, fsync, total / seconds);
                print("approved->published", recorder.ring);
                print("send->ring", recorder.hopIn);
                print("send->observer", recorder.endToEnd);
            } finally {
                host.close();
            }
        }
    }

    private static void createPortfolio(int port, String id) throws Exception {
        var create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/portfolios"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"portfolio_id\":\"" + id + "\",\"portfolio_name\":\"bench\",\"initial_value\":1e9,"
                                + "\"symbols\":[\"AAPL\"]}"))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot create the portfolio: " + r.body());
        }
    }

    private static void print(String label, Histogram h) {
        System.out.printf(Locale.ROOT, "  %-20s n=%d p50=%.1f us p90=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us%n",
                label, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }
}
