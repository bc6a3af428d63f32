package io.nautilus.engine.analytics;

import static io.nautilus.testkit.engine.EngineTestHost.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.testkit.engine.EngineTestHost;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;
import io.nautilus.core.time.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against the Portfolio engine's books, which this test plays on the bus: {@code portfolio.state.*}
 * events and answers to {@code portfolio.snapshot}. Each portfolio's own capital, a new portfolio answered at once,
 * the final sample on stop, and the rebuild of every portfolio at start (also when Portfolio answers late).
 */
class AnalyticsPortfolioSyncTest {
    private static final long START = Instant.parse("2026-03-02T15:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private LocalBus bus;
    private EngineTestHost host;
    private final SimulatedClock clock = new SimulatedClock(START);
    private final List<PnlUpdate> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void bus() {
        bus = LocalBus.create();
        bus.forEngine("probe").subscribe("pnl.>", PnlUpdate.class, (p, m) -> published.add(p));
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        bus.close();
    }

    /** An engine whose P&L publish timer and equity sampler are slow (60 s), unless said otherwise. */
    private EngineTestHost startHost(String publishMillis) {
        // the default capital (1M) must be used by no portfolio that has a state
        var config = EngineConfig.empty().with("analytics.pnl.publish_interval_ms", publishMillis)
                .with("analytics.equity.sample_interval_ms", "60000")
                .with("analytics.portfolio.sync_timeout_ms", "200");
        return EngineTestHost.builder(new AnalyticsEngine()).bus(bus).clock(clock).dataDir(dir).config(config).start();
    }

    private void publish(String topic, Object payload) {
        bus.forEngine("test").publish(topic, payload);
    }

    private void state(PortfolioState s) {
        publish(Topics.portfolioState(s.portfolioId()), s);
    }

    private void fill(String portfolio, String symbol, double qty, double price, double fee) {
        publish(Topics.fill(portfolio), new Fill("f" + published.size() + System.nanoTime(), "o", portfolio, symbol,
                qty > 0 ? Side.BUY : Side.SELL, Math.abs(qty), price, fee, clock.nowNanos()));
    }

    private void quote(String symbol, double mid) {
        publish(Topics.quote(symbol), new Quote(symbol, mid - 0.01, mid + 0.01, 1, 1, clock.nowNanos()));
    }

    private static PortfolioState flat(String id, double capital, long ts) {
        return new PortfolioState(id, capital, capital, 0, List.of(), ts);
    }

    /*
     * Day one (README's first session): the portfolio's state at creation makes it known at once, flat, equity =
     * its initial value 100000 (not the 1M default); the fill is in the route as soon as it is applied, though the
     * publish timer is 60 s: quote 151 then BUY 100 @ 150 fee 1 -> cash 100000 - 15001 = 84999, equity
     * 84999 + 100 * 151 = 100099, unrealized 100.
     */
    @Test
    void test_newPortfolio_answeredAtOnceThenWithItsFill() throws Exception {
        host = startHost("60000");
        var http = host;
        state(flat("PF", 100_000, clock.nowNanos()));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode p = json(http.get("/analytics/pnl/PF"), 200);
            assertThat(p.get("equity").asDouble()).isEqualTo(100_000, within(1e-9));
            assertThat(p.get("initial_capital").asDouble()).isEqualTo(100_000);
            assertThat(p.get("cash").asDouble()).isEqualTo(100_000);
            assertThat(p.get("total_return").asDouble()).isZero();
            assertThat(p.get("from_state").asBoolean()).isTrue();
            assertThat(p.get("positions").size()).isZero();
        });
        quote("AAPL", 151);
        fill("PF", "AAPL", 100, 150, 1);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode p = json(http.get("/analytics/pnl/PF"), 200);
            assertThat(p.get("cash").asDouble()).isEqualTo(84_999, within(1e-9));
            assertThat(p.get("equity").asDouble()).isEqualTo(100_099, within(1e-9));
            assertThat(p.get("unrealized").asDouble()).isEqualTo(100, within(1e-9));
            assertThat(p.get("positions").get(0).get("quantity").asDouble()).isEqualTo(100);
        });
    }

    /*
     * Portfolios of 100k, 1M and 50M (k = 1, 10, 500), proportional trades, the 1M default capital used by none:
     *  BUY 200k AAPL @ 150 fee k, BUY 100k MSFT @ 400 fee 2k -> cash C - 70003k
     *  marks AAPL 155, MSFT 395 -> equity C - 70003k + 31000k + 39500k = C + 497k:
     *  100,497 / 1,004,970 / 50,248,500; total return 0.00497 each; unrealized 500k; fees 3k.
     * The route, pnl.<id> and PortfolioState.equity() at the same marks agree.
     */
    @Test
    void test_equity_eachPortfolioItsOwnCapital() throws Exception {
        host = startHost("20");
        var http = host;
        double[] capitals = {100_000, 1_000_000, 50_000_000};
        double[] equities = {100_497, 1_004_970, 50_248_500};
        for (double c : capitals) {
            state(flat("C" + (long) c, c, clock.nowNanos()));
        }
        quote("AAPL", 155);
        quote("MSFT", 395);
        for (double c : capitals) {
            double k = c / 100_000;
            fill("C" + (long) c, "AAPL", 200 * k, 150, k);
            fill("C" + (long) c, "MSFT", 100 * k, 400, 2 * k);
        }
        for (int i = 0; i < capitals.length; i++) {
            double c = capitals[i];
            double k = c / 100_000;
            String id = "C" + (long) c;
            var book = new PortfolioState(id, c, c - 70_003 * k, 3 * k, List.of(
                    new PositionUpdate(id, "AAPL", 200 * k, 150, 0, 155, clock.nowNanos()),
                    new PositionUpdate(id, "MSFT", 100 * k, 400, 0, 395, clock.nowNanos())), clock.nowNanos());
            assertThat(book.equity()).isEqualTo(equities[i], within(1e-6));
            double expected = equities[i];
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode p = json(http.get("/analytics/pnl/" + id), 200);
                assertThat(p.get("equity").asDouble()).isEqualTo(expected, within(1e-6));
                assertThat(p.get("cash").asDouble()).isEqualTo(c - 70_003 * k, within(1e-6));
                assertThat(p.get("unrealized").asDouble()).isEqualTo(500 * k, within(1e-6));
                assertThat(p.get("fees").asDouble()).isEqualTo(3 * k, within(1e-9));
                assertThat(p.get("initial_capital").asDouble()).isEqualTo(c);
                assertThat(p.get("total_return").asDouble()).isEqualTo(0.00497, within(1e-12));
                assertThat(published).anySatisfy(u -> {
                    assertThat(u.portfolioId()).isEqualTo(id);
                    assertThat(u.equity()).isEqualTo(expected, within(1e-6));
                });
            });
            // the Portfolio engine's book after those fills reconciles to the same equity
            state(book);
            await().atMost(WAIT).untilAsserted(() -> assertThat(json(http.get("/analytics/pnl/" + id), 200)
                    .get("equity").asDouble()).isEqualTo(expected, within(1e-6)));
        }
    }

    /*
     * Run 1 (samples every 60 s, so none is taken while it runs): R1 (100k) buys 100 AAPL @ 150 fee 1, R2 (1M) is
     * created flat; stop flushes a final sample of both. Run 2, no Portfolio engine yet: the flushed books stand
     * (R1 cash 84999 + 100 * 150 = 99999), /health says not synced. Then Portfolio answers: its books replace them,
     * with what happened while Analytics was down (R1 bought 200 more @ 160 fee 2: cash 84999 - 32002 = 52997,
     * 300 AAPL at cost 47000 / 300; R3 of 50M, which it never saw, bought 10,000 AAPL @ 170: cash 48,300,000).
     * At AAPL 170: R1 = 52997 + 300 * 170 = 103997, R2 = 1,000,000, R3 = 48,300,000 + 1,700,000 = 50,000,000.
     * Stop flushes again: each curve keeps run 1's point and continues.
     */
    @Test
    void test_restart_flushesOnStopAndRebuildsEveryPortfolioFromPortfolio() throws Exception {
        host = startHost("20");
        var http = host;
        state(flat("R1", 100_000, clock.nowNanos()));
        state(flat("R2", 1_000_000, clock.nowNanos()));
        fill("R1", "AAPL", 100, 150, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(json(http.get("/analytics/pnl/R1"), 200)
                .get("positions").size()).isEqualTo(1));
        long run1 = clock.nowNanos();
        host.close();

        clock.advance(3_600_000_000_000L);
        host = startHost("20");
        var http2 = host;
        JsonNode restored = json(http2.get("/analytics/pnl/R1"), 200);
        assertThat(restored.get("equity").asDouble()).isEqualTo(99_999, within(1e-9));
        assertThat(restored.get("cash").asDouble()).isEqualTo(84_999, within(1e-9));
        assertThat(restored.get("from_state").asBoolean()).isFalse();
        assertThat(json(http2.get("/analytics/pnl/R2"), 200).get("equity").asDouble()).isEqualTo(1_000_000);
        JsonNode health = json(http2.get("/health"), 200);
        assertThat(health.get("synced").asBoolean()).isFalse();
        assertThat(health.get("status").asText()).isEqualTo("degraded");
        assertThat(health.get("reasons").get(0).asText()).contains("not synced with the Portfolio engine");
        for (String id : List.of("R1", "R2")) {
            JsonNode points = json(http2.get("/analytics/equity/" + id), 200).get("points");
            assertThat(points.size()).as(id + " flushed on stop").isEqualTo(1);
            assertThat(points.get(0).get("ts_nanos").asLong()).isEqualTo(run1);
        }

        long now = clock.nowNanos();
        var books = List.of(
                new PortfolioState("R1", 100_000, 52_997, 3, List.of(
                        new PositionUpdate("R1", "AAPL", 300, 47_000 / 300.0, 0, 160, now)), now),
                flat("R2", 1_000_000, now),
                new PortfolioState("R3", 50_000_000, 48_300_000, 0, List.of(
                        new PositionUpdate("R3", "AAPL", 10_000, 170, 0, 170, now)), now));
        bus.forEngine("portfolio-test").respond(PortfolioStateRequest.TOPIC, PortfolioStateRequest.class,
                q -> new PortfolioStates(books, now));
        quote("AAPL", 170);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode h = json(http2.get("/health"), 200);
            assertThat(h.get("synced").asBoolean()).isTrue();
            assertThat(h.get("status").asText()).isEqualTo("healthy");
            assertThat(h.get("portfolio_sync_attempts").asLong()).isGreaterThan(1);
            assertThat(json(http2.get("/analytics/pnl/R1"), 200).get("equity").asDouble())
                    .isEqualTo(103_997, within(1e-9));
            assertThat(json(http2.get("/analytics/pnl/R3"), 200).get("equity").asDouble())
                    .isEqualTo(50_000_000, within(1e-6));
        });
        JsonNode r1 = json(http2.get("/analytics/pnl/R1"), 200);
        assertThat(r1.get("positions").get(0).get("quantity").asDouble()).isEqualTo(300);
        assertThat(r1.get("fees").asDouble()).isEqualTo(3);
        assertThat(r1.get("from_state").asBoolean()).isTrue();
        assertThat(json(http2.get("/analytics/pnl/R2"), 200).get("equity").asDouble()).isEqualTo(1_000_000);
        assertThat(json(http2.get("/analytics/pnl"), 200).get("count").asInt()).isEqualTo(3);

        long run2 = clock.nowNanos();
        host.close();
        host = startHost("20");
        JsonNode curve = json(host.get("/analytics/equity/R1"), 200).get("points");
        assertThat(curve.size()).isEqualTo(2);
        assertThat(curve.get(0).get("ts_nanos").asLong()).isEqualTo(run1);
        assertThat(curve.get(0).get("equity").asDouble()).isEqualTo(99_999, within(1e-9));
        assertThat(curve.get(1).get("ts_nanos").asLong()).isEqualTo(run2);
        assertThat(curve.get(1).get("equity").asDouble()).isEqualTo(103_997, within(1e-9));
    }
}
