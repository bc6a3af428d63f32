package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Books come from the Portfolio engine: refused until they have arrived (fail closed), rebuilt after a restart,
 * breaches re-evaluated on them, and equity from each portfolio's own cash and capital.
 */
class RiskBookSyncTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    private static OrderIntent order(String id, String portfolio, String symbol, Side side, double qty) {
        return new OrderIntent(id, portfolio, "s1", symbol, side, qty, OrderType.MARKET, Double.NaN, false, T0);
    }

    private static RiskDecision decide(LocalBus bus, List<RiskDecision> decisions, OrderIntent o) {
        bus.forEngine("strategy").publish(Topics.ORDER_INTENT, o);
        await().until(() -> decisions.stream().anyMatch(d -> d.intent().orderId().equals(o.orderId())));
        return decisions.stream().filter(d -> d.intent().orderId().equals(o.orderId())).findFirst().orElseThrow();
    }

    private static List<RiskDecision> decisions(LocalBus bus) {
        var out = new CopyOnWriteArrayList<RiskDecision>();
        bus.forEngine("portfolio-orders").subscribe(Topics.ORDER_APPROVED, RiskDecision.class, (d, m) -> out.add(d));
        bus.forEngine("portfolio-orders").subscribe(Topics.ORDER_REJECTED, RiskDecision.class, (d, m) -> out.add(d));
        return out;
    }

    @Test
    void test_start_refusesEveryCheckUntilThePortfolioEngineAnswersThenSyncs() throws Exception {
        var books = new FakePortfolio();
        books.create("p1", 100_000);
        books.position(new PositionUpdate("p1", "AAPL", 100, 50, 0, 50, T0));
        try (LocalBus bus = LocalBus.create();
             RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), HttpSettings.local(0), books, false)) {
            List<RiskDecision> decisions = decisions(bus);
            bus.forEngine("md").publish(Topics.quote("AAPL"), new Quote("AAPL", 50, 50, 1, 1, T0));
            JsonNode health = risk.json("GET", "/health", null, 200);
            assertThat(health.get("books_synced").asBoolean()).isFalse();
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("reasons").get(0).asText()).contains("books not synced");
            // every dry run is refused, naming why (an order intent is held: see the held-intent tests)
            JsonNode pre = risk.json("POST", "/risk/pretrade", "{\"portfolio_id\":\"p1\",\"symbol\":\"AAPL\","
                    + "\"side\":\"buy\",\"quantity\":1}", 200);
            assertThat(pre.get("approved").asBoolean()).isFalse();
            assertThat(pre.get("reasons").get(0).asText()).isEqualTo("NO_BOOK:syncing");
            assertThat(risk.json("POST", "/risk/check/p1", "{\"positions\":[]}", 503).get("detail").asText())
                    .startsWith("NO_BOOK:syncing");
            assertThat(risk.json("GET", "/risk/portfolios/p1", null, 503).get("detail").asText())
                    .startsWith("NO_BOOK:syncing");

            // the Portfolio engine starts later: the retried request is answered
            books.answer(bus.forEngine("portfolio"));
            risk.awaitSynced();
            health = risk.json("GET", "/health", null, 200);
            assertThat(health.get("status").asText()).isEqualTo("healthy");
            assertThat(health.get("portfolios").asInt()).isEqualTo(1);
            assertThat(health.get("book_sync_attempts").asInt()).isGreaterThan(1);
            JsonNode p1 = risk.json("GET", "/risk/portfolios/p1", null, 200);
            // cash 100,000 - 100 x 50 = 95,000; equity = 95,000 + 100 x 50
            assertThat(p1.get("cash").asDouble()).isEqualTo(95_000.0);
            assertThat(p1.get("equity").asDouble()).isEqualTo(100_000.0);
            assertThat(decide(bus, decisions, order("o2", "p1", "AAPL", Side.BUY, 1)).approved()).isTrue();
            // a portfolio whose state never arrived is refused, and is not registered by being asked about
            RiskDecision unknown = decide(bus, decisions, order("o3", "ghost", "AAPL", Side.BUY, 1));
            assertThat(unknown.reasons()).containsExactly("NO_BOOK:no_state");
            assertThat(risk.json("POST", "/risk/pretrade", "{\"portfolio_id\":\"ghost\",\"symbol\":\"AAPL\","
                    + "\"side\":\"buy\",\"quantity\":1}", 200).get("reasons").get(0).asText()).isEqualTo("NO_BOOK:no_state");
            assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("portfolios").asInt()).isEqualTo(1);
        }
    }

    /**
     * The restart: p1 is ~12x over its leverage limit, the engine restarts, and the next order is checked
     * against the book it gets back from the Portfolio engine; a breach whose book no longer breaches resolves
     * once the books are in, and one of a portfolio the Portfolio engine no longer has resolves too.
     */
    @Test
    void test_restart_rebuildsTheBooksReEvaluatesBreachesAndRejectsAnOverLeveragedOrder() throws Exception {
        var books = new FakePortfolio();
        books.create("p1", 100_000);
        books.create("p2", 100_000);
        String p2Breach;
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), books)) {
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"lev\",\"limit_type\":\"leverage\",\"limit_value\":0.1}",
                    201);
            bus.forEngine("md").publish(Topics.quote("AAPL"), new Quote("AAPL", 100, 100, 1, 1, T0));
            // p1: 12,000 x 100 = 1.2M gross on 100,000 of equity: leverage 12 = 120 x the limit
            risk.position(new PositionUpdate("p1", "AAPL", 12_000, 100, 0, 100, T0));
            risk.position(new PositionUpdate("p2", "AAPL", 200, 100, 0, 100, T0));
            await().until(() -> risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt() == 2);
            p2Breach = risk.json("GET", "/risk/breaches?active=true&portfolio_id=p2", null, 200).get("breaches").get(0)
                    .get("breach_id").asText();
        }
        // while Risk was down, p2 sold out (it no longer breaches); p3's book was never there
        books.position(new PositionUpdate("p2", "AAPL", 0, 0, 0, 100, T0 + 1));
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), books)) {
            List<RiskDecision> decisions = decisions(bus);
            JsonNode p1 = risk.json("GET", "/risk/portfolios/p1", null, 200);
            // marked at the Portfolio engine's 100 until a quote arrives: equity 100,000 - 1.2M + 1.2M
            assertThat(p1.get("market_values").get("AAPL").asDouble()).isEqualTo(1_200_000.0);
            assertThat(p1.get("equity").asDouble()).isEqualTo(100_000.0);
            assertThat(p1.get("evaluations").get(0).get("value").asDouble()).isCloseTo(12.0, within(1e-12));
            RiskDecision d = decide(bus, decisions, order("big", "p1", "AAPL", Side.BUY, 10_000));
            assertThat(d.approved()).isFalse();
            assertThat(d.reasons()).containsExactly("LIMIT_BREACH:leverage:lev");
            // p2's breach was re-evaluated on its book: resolved; p1's stays open
            JsonNode p2 = risk.json("GET", "/risk/breaches?portfolio_id=p2", null, 200).get("breaches").get(0);
            assertThat(p2.get("breach_id").asText()).isEqualTo(p2Breach);
            assertThat(p2.get("resolved").asBoolean()).isTrue();
            assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt()).isEqualTo(1);
        }
    }

    @Test
    void test_restart_breachOfAPortfolioThePortfolioEngineNoLongerHasIsResolved() throws Exception {
        var before = new FakePortfolio();
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), before)) {
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\","
                    + "\"limit_value\":1000}", 201);
            risk.position("gone", "AAPL", 100, 20, T0);
            risk.awaitOpenBreach("gone", 1);
        }
        try (LocalBus bus = LocalBus.create();
             RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), new FakePortfolio())) {
            JsonNode b = risk.json("GET", "/risk/breaches?portfolio_id=gone", null, 200).get("breaches").get(0);
            assertThat(b.get("resolved").asBoolean()).isTrue();
            assertThat(b.get("action_taken").asText()).isEqualTo("auto: the Portfolio engine has no such portfolio");
            assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt()).isZero();
        }
    }

    /**
     * Each portfolio's own capital: the same trades scaled to 100k, 1M and 50M give the same leverage and an
     * equity proportional to the capital. Per 1,000,000 of capital: 1,000 AAPL bought at 95, marked at 100;
     * -300 MSFT sold at 200, marked at 210. Cash = 1,000,000 - 95,000 + 60,000 = 965,000; market value
     * 100,000 - 63,000 = 37,000; equity 1,002,000; gross 163,000; leverage 163,000 / 1,002,000.
     */
    @ParameterizedTest
    @ValueSource(doubles = {100_000, 1_000_000, 50_000_000})
    void test_equity_fromEachPortfoliosOwnCashAndCapital(double capital) throws Exception {
        double k = capital / 1_000_000;
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig())) {
            List<RiskDecision> decisions = decisions(bus);
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"lev\",\"limit_type\":\"leverage\",\"limit_value\":0.17,"
                    + "\"portfolio_id\":\"pf\"}", 201);
            bus.forEngine("md").publish(Topics.quote("AAPL"), new Quote("AAPL", 100, 100, 1, 1, T0));
            bus.forEngine("md").publish(Topics.quote("MSFT"), new Quote("MSFT", 210, 210, 1, 1, T0));
            risk.portfolio.create("pf", capital);
            risk.position(new PositionUpdate("pf", "AAPL", 1_000 * k, 95, 0, 95, T0));
            risk.position(new PositionUpdate("pf", "MSFT", -300 * k, 200, 0, 200, T0 + 1));
            double equity = 1_002_000 * k;
            double leverage = 163_000.0 / 1_002_000.0;
            await().untilAsserted(() -> {
                JsonNode p = risk.json("GET", "/risk/portfolios/pf", null, 200);
                assertThat(p.get("initial_value").asDouble()).isEqualTo(capital);
                assertThat(p.get("cash").asDouble()).isCloseTo(965_000 * k, within(1e-6 * k));
                assertThat(p.get("equity").asDouble()).isCloseTo(equity, within(1e-6 * k));
                assertThat(p.get("evaluations").get(0).get("value").asDouble()).isCloseTo(leverage, within(1e-12));
            });
            // (163,000 + 100 x) / 1,002,000 >= 0.17 from x = 73.34 per 1M: 80 is rejected, 50 approved (warning)
            RiskDecision over = decide(bus, decisions, order("over", "pf", "AAPL", Side.BUY, 80 * k));
            assertThat(over.reasons()).containsExactly("LIMIT_BREACH:leverage:lev");
            RiskDecision under = decide(bus, decisions, order("under", "pf", "AAPL", Side.BUY, 50 * k));
            assertThat(under.approved()).isTrue();
            assertThat(under.reasons()).containsExactly("LIMIT_WARNING:leverage:lev");
        }
    }
    /**
     * Intents that arrive before the books (the Portfolio engine re-sending its pending_risk orders at its start)
     * are held and decided in order on their merits once the books arrive: with max_quantity 100, o1 (10 on p1)
     * is approved, o2 (500 on p1) is refused MAX_QUANTITY, o3 (on a portfolio without a state) NO_BOOK:no_state.
     */
    @Test
    void test_intentsBeforeTheBooks_areHeldThenDecidedInOrderOnTheirMerits() throws Exception {
        var books = new FakePortfolio();
        books.create("p1", 100_000);
        try (LocalBus bus = LocalBus.create();
             RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig().with("risk.controls.max_quantity", "100"),
                     HttpSettings.local(0), books, false)) {
            List<RiskDecision> decisions = decisions(bus);
            bus.forEngine("md").publish(Topics.quote("AAPL"), new Quote("AAPL", 50, 50, 1, 1, T0));
            for (OrderIntent o : List.of(order("o1", "p1", "AAPL", Side.BUY, 10),
                    order("o2", "p1", "AAPL", Side.BUY, 500), order("o3", "ghost", "AAPL", Side.BUY, 1))) {
                bus.forEngine("portfolio").publish(Topics.ORDER_INTENT, o);
            }
            await().until(() -> risk.json("GET", "/health", null, 200).get("orders_held_for_sync").asInt() == 3);
            assertThat(decisions).isEmpty();

            books.answer(bus.forEngine("portfolio"));
            await().until(() -> decisions.size() == 3);
            assertThat(decisions).extracting(d -> d.intent().orderId()).containsExactly("o1", "o2", "o3");
            assertThat(decisions.get(0).approved()).isTrue();
            assertThat(decisions.get(0).reasons()).isEmpty();
            assertThat(decisions.get(1).approved()).isFalse();
            assertThat(decisions.get(1).reasons()).containsExactly("MAX_QUANTITY");
            assertThat(decisions.get(2).reasons()).containsExactly("NO_BOOK:no_state");
            JsonNode health = risk.json("GET", "/health", null, 200);
            assertThat(health.get("orders_held_for_sync").asInt()).isZero();
            assertThat(health.get("approved").asLong()).isEqualTo(1);
            assertThat(health.get("rejected").asLong()).isEqualTo(2);
        }
    }

    /** Beyond risk.sync.max_held_orders (2 here) an intent is refused at once; the two held are decided later. */
    @Test
    void test_intentsBeyondTheBound_areRefusedSyncingAtOnce() throws Exception {
        var books = new FakePortfolio();
        books.create("p1", 100_000);
        try (LocalBus bus = LocalBus.create();
             RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig().with("risk.sync.max_held_orders", "2"),
                     HttpSettings.local(0), books, false)) {
            List<RiskDecision> decisions = decisions(bus);
            bus.forEngine("md").publish(Topics.quote("AAPL"), new Quote("AAPL", 50, 50, 1, 1, T0));
            for (String id : List.of("o1", "o2", "o3")) {
                bus.forEngine("portfolio").publish(Topics.ORDER_INTENT, order(id, "p1", "AAPL", Side.BUY, 1));
            }
            await().until(() -> decisions.size() == 1);
            assertThat(decisions.get(0).intent().orderId()).isEqualTo("o3");
            assertThat(decisions.get(0).reasons()).containsExactly("NO_BOOK:syncing");
            assertThat(risk.json("GET", "/health", null, 200).get("orders_held_for_sync").asInt()).isEqualTo(2);

            books.answer(bus.forEngine("portfolio"));
            await().until(() -> decisions.size() == 3);
            assertThat(decisions).extracting(d -> d.intent().orderId()).containsExactly("o3", "o1", "o2");
            assertThat(decisions.subList(1, 3)).allSatisfy(d -> assertThat(d.approved()).isTrue());
        }
    }

    /**
     * An intent held longer than risk.sync.max_hold_ms (300 ms here) is refused NO_BOOK:syncing by the ring timer,
     * as before holding existed.
     */
    @Test
    void test_intentHeldPastMaxHold_isRefusedSyncing() throws Exception {
        var books = new FakePortfolio();
        books.create("p1", 100_000);
        try (LocalBus bus = LocalBus.create();
             RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig().with("risk.sync.max_hold_ms", "300"),
                     HttpSettings.local(0), books, false)) {
            List<RiskDecision> decisions = decisions(bus);
            bus.forEngine("md").publish(Topics.quote("AAPL"), new Quote("AAPL", 50, 50, 1, 1, T0));
            long sentNanos = io.nautilus.core.time.Clock.system().nowNanos();
            var old = new OrderIntent("old", "p1", "s1", "AAPL", Side.BUY, 1, OrderType.MARKET, Double.NaN, false,
                    sentNanos);
            bus.forEngine("portfolio").publish(Topics.ORDER_INTENT, old);
            await().until(() -> decisions.size() == 1);
            RiskDecision d = decisions.get(0);
            assertThat(d.intent().orderId()).isEqualTo("old");
            assertThat(d.reasons()).containsExactly("NO_BOOK:syncing");
            // decided by the expiry, not at once: at least max_hold_ms after it was sent
            assertThat(d.tsNanos() - sentNanos).isGreaterThanOrEqualTo(300_000_000L);
            assertThat(risk.json("GET", "/health", null, 200).get("orders_held_for_sync").asInt()).isZero();
        }
    }
}
