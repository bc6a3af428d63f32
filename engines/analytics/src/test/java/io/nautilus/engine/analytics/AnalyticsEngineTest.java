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
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.store.Store;
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

/** The engine on a real in-process bus and HTTP server: P&L events, equity persistence, tear sheets. */
class AnalyticsEngineTest {
    private static final long DAY = 86_400_000_000_000L;
    private static final long START = Instant.parse("2024-01-29T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path dir;
    private LocalBus bus;
    private EngineTestHost host;
    private SimulatedClock clock;
    private final List<PnlUpdate> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        bus = LocalBus.create();
        clock = new SimulatedClock(START);
        bus.forEngine("probe").subscribe("pnl.>", PnlUpdate.class, (p, m) -> published.add(p));
        host = startHost();
    }

    private EngineTestHost startHost() {
        var config = EngineConfig.empty().with("analytics.initial_capital", "100000")
                .with("analytics.pnl.publish_interval_ms", "20").with("analytics.equity.sample_interval_ms", "40");
        return EngineTestHost.builder(new AnalyticsEngine()).bus(bus).clock(clock).dataDir(dir).config(config).start();
    }

    @AfterEach
    void stop() {
        host.close();
        bus.close();
    }

    private void fill(String id, Side side, double qty, double price, double fee) {
        bus.forEngine("test").publish(Topics.fill("P"), new Fill(id, "o-" + id, "P", "AAPL", side, qty, price, fee,
                clock.nowNanos()));
    }

    private void quote(double mid) {
        bus.forEngine("test").publish(Topics.quote("AAPL"), new Quote("AAPL", mid - 0.01, mid + 0.01, 1, 1,
                clock.nowNanos()));
    }

    /* The worked case of PnlLedgerTest, driven over the bus: fills on fill.P, quotes and trades on md.*. */
    @Test
    void test_bus_publishesPnlOfFillsAndPrices() {
        fill("f1", Side.BUY, 100, 10, 1);
        quote(12);
        fill("f2", Side.BUY, 50, 13, 0.5);
        fill("f3", Side.SELL, 200, 14, 2);
        bus.forEngine("test").publish(Topics.trade("AAPL"), new Trade("AAPL", 15, 10, clock.nowNanos()));
        // realized 450, unrealized -50 * (15 - 14) = -50, fees 3.5, equity 100000 + 450 - 50 - 3.5
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(published).isNotEmpty();
            PnlUpdate last = published.getLast();
            assertThat(last.portfolioId()).isEqualTo("P");
            assertThat(last.realized()).isEqualTo(450, within(1e-9));
            assertThat(last.unrealized()).isEqualTo(-50, within(1e-9));
            assertThat(last.fees()).isEqualTo(3.5, within(1e-12));
            assertThat(last.equity()).isEqualTo(100_396.5, within(1e-9));
        });
    }

    @Test
    void test_http_pnlAndSymbols() throws Exception {
        var http = host;
        fill("f1", Side.BUY, 100, 10, 1);
        quote(12);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode p = json(http.get("/analytics/pnl/P"), 200);
            // unrealized 100 * (12 - 10) = 200 (quote mid 12), fees 1
            assertThat(p.get("unrealized").asDouble()).isEqualTo(200, within(1e-9));
            assertThat(p.get("equity").asDouble()).isEqualTo(100_199, within(1e-9));
            assertThat(p.get("positions").get(0).get("average_cost").asDouble()).isEqualTo(10, within(1e-12));
        });
        assertThat(json(http.get("/analytics/pnl"), 200).get("count").asInt()).isEqualTo(1);
        assertThat(json(http.get("/analytics/available-symbols"), 200).get("symbols").get(0).asText()).isEqualTo("AAPL");
        EngineTestHost.problem(http.get("/analytics/pnl/NOPE"), 404);
        EngineTestHost.problem(http.get("/analytics/tearsheet/NOPE"), 404);
        EngineTestHost.problem(http.get("/analytics/equity/P?limit=0"), 400);
        // no Market Data engine on this bus: the client's NO_RESPONDER failure is a 503 with Retry-After
        var noBars = http.get("/analytics/market-data/AAPL");
        assertThat(EngineTestHost.problem(noBars, 503).get("detail").asText())
                .startsWith("no Market Data engine answers bar history requests");
        assertThat(noBars.headers().firstValue("Retry-After")).hasValue("5");
    }

    /*
     * Four UTC days of samples: BUY 1000 @ 100 (fee 0) with capital 100000, then the mark each day:
     * day 0: 100 -> equity 100000; day 1: 102 -> 102000; day 2: 99 -> 99000; day 3: 101 -> 101000.
     * Daily returns 0.02, 99/102 - 1, 101/99 - 1 (the best, 0.0202); total 0.01; max drawdown 1 - 99/102.
     */
    @Test
    void test_equity_sampledPersistedAndRestoredAcrossRestart() throws Exception {
        var http = host;
        fill("f1", Side.BUY, 1000, 100, 0);
        double[] marks = {100, 102, 99, 101};
        for (int d = 0; d < marks.length; d++) {
            if (d > 0) {
                clock.advance(DAY);
            }
            quote(marks[d]);
            long ts = clock.nowNanos();
            double expected = 100_000 + 1000 * (marks[d] - 100);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode last = lastPoint(http);
                assertThat(last.get("ts_nanos").asLong()).isEqualTo(ts);
                assertThat(last.get("equity").asDouble()).isEqualTo(expected, within(1e-9));
            });
        }
        JsonNode sheet = json(http.get("/analytics/tearsheet/P"), 200);
        JsonNode m = sheet.get("metrics");
        assertThat(sheet.get("daily_closes").asInt()).isEqualTo(4);
        assertThat(m.get("total_return").asDouble()).isEqualTo(0.01, within(1e-12));
        assertThat(m.get("best_period").asDouble()).isEqualTo(101 / 99.0 - 1, within(1e-12));
        assertThat(m.get("max_drawdown").get("depth").asDouble()).isEqualTo(1 - 99 / 102.0, within(1e-12));

        var html = http.get("/analytics/tearsheet/P?format=html");
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("<svg").doesNotContain("http://").doesNotContain("https://");
        var csv = http.get("/analytics/tearsheet/P?format=csv");
        assertThat(csv.body()).contains("total_return,0.01");
        assertThat(EngineTestHost.problem(http.get("/analytics/tearsheet/P?format=pdf"), 400).get("errors").get(0)
                .get("message").asText()).isEqualTo("must be one of [json, csv, html], got 'pdf'");
        assertThat(http.get("/analytics/tearsheet/P?format=HTML").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/html");
        assertThat(EngineTestHost.problem(http.get("/analytics/equity/P?limit=ten"), 400).get("errors").get(0)
                .get("field").asText()).isEqualTo("limit");

        JsonNode before = json(http.get("/analytics/equity/P"), 200).get("points");
        host.close();
        host = startHost();
        var again = host;
        JsonNode after = json(again.get("/analytics/equity/P"), 200).get("points");
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).isEqualTo(before.get(i));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode p = json(again.get("/analytics/pnl/P"), 200);
            assertThat(p.get("equity").asDouble()).isEqualTo(101_000, within(1e-9));
            assertThat(p.get("positions").get(0).get("quantity").asDouble()).isEqualTo(1000);
        });
    }

    /*
     * The store fails (its equity table renamed away) while the marks of days 1-3 are sampled: /health is degraded,
     * the samples wait (equity_samples_waiting and write_behind.equity_samples agree), nothing is dropped. Once the
     * table is back they are written, in order: the curve is day 0-3 at 100000, 102000, 99000, 101000 (BUY 1000 @
     * 100, capital 100000) and /health no longer names the writer.
     */
    @Test
    void test_equity_storeDown_samplesKeptThenWrittenInOrder() throws Exception {
        var http = host;
        fill("f1", Side.BUY, 1000, 100, 0);
        quote(100);
        long day0 = clock.nowNanos();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lastPoint(http).get("ts_nanos").asLong()).isEqualTo(day0));
        try (Store db = Store.open("jdbc:sqlite:" + dir.resolve("analytics.db"), "analytics-test")) {
            ddl(db, "ALTER TABLE analytics_equity RENAME TO analytics_equity_away");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode h = json(http.get("/health"), 200);
                assertThat(h.get("status").asText()).isEqualTo("degraded");
                assertThat(h.get("reasons").toString()).contains("write-behind equity_samples fails");
                assertThat(h.get("equity_samples_waiting").asLong()).isPositive();
                assertThat(h.get("equity_write_failures").asLong()).isPositive();
                assertThat(h.get("write_behind").get("equity_samples").get("last_error").asText()).isNotBlank();
            });
            double[] marks = {102, 99, 101};
            for (double mark : marks) {
                clock.advance(DAY);
                quote(mark);
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(json(http.get("/analytics/pnl/P"),
                        200).get("equity").asDouble()).isEqualTo(100_000 + 1000 * (mark - 100), within(1e-9)));
                long offered = json(http.get("/health"), 200).get("write_behind").get("equity_samples")
                        .get("offered").asLong();
                // a sample taken after the view showed the mark holds it
                await().atMost(Duration.ofSeconds(5)).until(() -> json(http.get("/health"), 200).get("write_behind")
                        .get("equity_samples").get("offered").asLong() > offered);
            }
            JsonNode down = json(http.get("/health"), 200);
            assertThat(down.get("equity_samples_waiting").asLong())
                    .isEqualTo(down.get("write_behind").get("equity_samples").get("waiting").asLong());
            assertThat(down.get("equity_samples_dropped").asLong()).isZero();
            ddl(db, "ALTER TABLE analytics_equity_away RENAME TO analytics_equity");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode h = json(http.get("/health"), 200);
            // still degraded for the sync with the Portfolio engine (none here), no longer for the store
            assertThat(h.get("reasons").toString()).doesNotContain("write-behind");
            assertThat(h.get("write_behind").get("equity_samples").get("last_error").isNull()).isTrue();
            assertThat(h.get("equity_samples_waiting").asLong()).isZero();
        });
        JsonNode points = json(http.get("/analytics/equity/P"), 200).get("points");
        double[] expected = {100_000, 102_000, 99_000, 101_000};
        assertThat(points.size()).isEqualTo(expected.length);
        for (int d = 0; d < expected.length; d++) {
            assertThat(points.get(d).get("ts_nanos").asLong()).isEqualTo(day0 + d * DAY);
            assertThat(points.get(d).get("equity").asDouble()).isEqualTo(expected[d], within(1e-9));
        }
    }

    private static void ddl(Store db, String sql) {
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate(sql);
            }
            return null;
        });
    }

    private static JsonNode lastPoint(EngineTestHost http) throws Exception {
        var r = http.get("/analytics/equity/P");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode points = json(r, 200).get("points");
        assertThat(points.size()).isPositive();
        return points.get(points.size() - 1);
    }
}
