package io.nautilus.bench.portfolio;

import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Order to fill in process, excluding the risk check (target p99 ≤ 20 µs):
 * <pre>
 *   bench thread --order.approved--> [portfolio ring: price at the touch; end of batch: ONE journal write of the
 *                                      batch's fills + orders (fsync per {@code fsync}), book update, publish]
 *                                      --fill.bench--> [observer ring] --> counter --> bench thread
 * </pre>
 * Each operation publishes one approved market order (alternately buy and sell 1 unit, so the position stays
 * small) and spins until the observer engine has received its fill, so every batch holds one fill. SQLite in WAL
 * mode, synchronous=NORMAL, and the journal in a temporary directory; the store applier copies the journal into
 * SQLite on its own thread. Sample mode gives the percentiles of the whole round, both
 * bus hops included; {@link ApprovedToFillLatency} separates the portfolio ring's own part.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrderToFillLatency {
    private static final long TS = 1_700_000_000_000_000_000L;
    private LocalBus bus;
    private EngineHost host;
    private MessageBus risk;
    private final AtomicLong fills = new AtomicLong();
    private long sent;
    private Path dir;

    /** The journal's fsync policy ({@code portfolio.journal.fsync}). */
    @Param({"never"})
    public String fsync;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        dir = Files.createTempDirectory("bench-portfolio");
        bus = LocalBus.create();
        bus.forEngine("observer").subscribe(Topics.fill("bench"), Fill.class, (f, m) -> fills.incrementAndGet());
        host = new EngineHost(new PortfolioEngine(), HostSettings.defaults().withHttp(HttpSettings.local(0))
                .withDataDir(dir.toString()).withConfig(EngineConfig.empty().with("portfolio.snapshot.interval.seconds", "0")
                        .with("portfolio.journal.fsync", fsync)),
                bus, Clock.system(), () -> true).start();
        var create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/portfolios"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"portfolio_id\":\"bench\",\"portfolio_name\":\"bench\",\"initial_value\":1e9,\"symbols\":[\"AAPL\"]}"))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot create the portfolio: " + r.body());
        }
        risk = bus.forEngine("risk");
        bus.forEngine("marketdata").publish(Topics.quote("AAPL"), new Quote("AAPL", 99.99, 100.01, 0, 0, TS));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        host.close();
        bus.close();
    }

    @Benchmark
    public long orderToFill() {
        long n = ++sent;
        var intent = new OrderIntent("b" + n, "bench", "bench", "AAPL", (n & 1) == 0 ? Side.SELL : Side.BUY, 1,
                OrderType.MARKET, Double.NaN, false, TS);
        risk.publish(Topics.ORDER_APPROVED, new RiskDecision(intent, true, List.of(), TS));
        while (fills.get() < n) {
            Thread.onSpinWait();
        }
        return n;
    }
}
