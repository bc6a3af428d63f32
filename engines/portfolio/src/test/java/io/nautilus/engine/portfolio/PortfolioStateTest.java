package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.time.Clock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Portfolio engine as the source of truth for books: {@code portfolio.state.<id>} on creation, after each batch
 * that changed a book and after every start; the {@code portfolio.snapshot} reply; ids and names checked at the edge.
 * Prices by hand with {@link PortfolioEngineTest#CONFIG} (slippage 10 bps, commission 0.01 per unit): quote 99/101
 * buys at 101 × 1.001 = 101.101 and sells at 99 × 0.999 = 98.901; the mark is the mid, 100.
 */
class PortfolioStateTest {
    @TempDir
    Path dir;
    EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir, null, PortfolioEngineTest.CONFIG, Clock.system());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private PortfolioStates ask(PortfolioStateRequest request) throws Exception {
        return h.bus.forEngine("analytics").request(PortfolioStateRequest.TOPIC, request, PortfolioStates.class,
                Duration.ofSeconds(5)).get();
    }

    private static void assertBook(PortfolioState s, double initial, double cash, double fees) {
        assertThat(s.initialValue()).isEqualTo(initial);
        assertThat(s.cash()).isCloseTo(cash, within(1e-6));
        assertThat(s.fees()).isCloseTo(fees, within(1e-9));
    }

    @Test
    void test_state_threeCapitals_publishedOnCreateAfterFillsAndInSnapshot() throws Exception {
        h.quote("AAPL", 99.0, 101.0, 1_000_000, 1_000_000);
        h.quote("MSFT", 199.0, 201.0, 1_000_000, 1_000_000);
        h.createPortfolio("p-100k", 100_000);
        h.createPortfolio("p-1m", 1_000_000);
        h.createPortfolio("p-50m", 50_000_000);
        // each create published its portfolio's state (empty book) before it answered: they arrive in order
        await().untilAsserted(() -> assertThat(h.states).extracting(PortfolioState::portfolioId)
                .containsExactly("p-100k", "p-1m", "p-50m"));
        assertBook(h.lastState("p-50m"), 50_000_000, 50_000_000, 0);
        assertThat(h.lastState("p-50m").positions()).isEmpty();

        h.order("p-100k", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":100}", true);
        h.order("p-1m", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1000}", true);
        await().until(() -> h.fills.size() == 2);
        h.order("p-1m", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":400}", true);
        h.order("p-50m", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":100000}", true);
        h.order("p-50m", "{\"symbol\":\"MSFT\",\"side\":\"buy\",\"quantity\":20000}", true);
        await().until(() -> h.fills.size() == 5);
        // 100k: 100 000 − 100 × 101.101 − 100 × 0.01 = 100 000 − 10 110.1 − 1 = 89 888.9
        await().untilAsserted(() -> assertBook(h.lastState("p-100k"), 100_000, 89_888.9, 1.0));
        // 1M: 1 000 000 − 101 101 − 10 + 400 × 98.901 − 4 = 938 445.4; realized 400 × (98.901 − 101.101) = −880
        await().untilAsserted(() -> assertBook(h.lastState("p-1m"), 1_000_000, 938_445.4, 14.0));
        // 50M: 50 000 000 − 10 110 100 − 1 000 − 20 000 × 201.201 − 200 = 35 864 680
        await().untilAsserted(() -> assertBook(h.lastState("p-50m"), 50_000_000, 35_864_680, 1_200.0));

        PortfolioState oneM = h.lastState("p-1m");
        assertThat(oneM.positions()).hasSize(1);
        PositionUpdate aapl = oneM.positions().getFirst();
        assertThat(aapl.quantity()).isEqualTo(600.0);
        assertThat(aapl.averageCost()).isCloseTo(101.101, within(1e-9));
        assertThat(aapl.realizedPnl()).isCloseTo(-880.0, within(1e-6));
        assertThat(aapl.lastPrice()).isEqualTo(100.0);
        // equity at the mid: 938 445.4 + 600 × 100 = 998 445.4
        assertThat(oneM.equity()).isCloseTo(998_445.4, within(1e-6));
        PortfolioState fifty = h.lastState("p-50m");
        assertThat(fifty.positions()).extracting(PositionUpdate::symbol).containsExactly("AAPL", "MSFT");
        // 35 864 680 + 100 000 × 100 + 20 000 × 200 = 49 864 680
        assertThat(fifty.equity()).isCloseTo(49_864_680, within(1e-6));

        PortfolioStates all = ask(PortfolioStateRequest.all());
        assertThat(all.portfolios()).extracting(PortfolioState::portfolioId).containsExactly("p-100k", "p-1m", "p-50m");
        assertBook(all.portfolios().get(0), 100_000, 89_888.9, 1.0);
        assertBook(all.portfolios().get(1), 1_000_000, 938_445.4, 14.0);
        assertBook(all.portfolios().get(2), 50_000_000, 35_864_680, 1_200.0);
        PortfolioStates one = ask(new PortfolioStateRequest("p-1m"));
        assertThat(one.portfolios()).hasSize(1);
        assertThat(one.portfolios().getFirst().positions().getFirst().realizedPnl()).isCloseTo(-880.0, within(1e-6));
        assertThat(ask(new PortfolioStateRequest("nope")).portfolios()).isEmpty();
    }

    @Test
    void test_state_closedPositionStaysWithItsRealizedPnl_andManualPositionPublishes() throws Exception {
        h.quote("AAPL", 99.0, 101.0, 1_000_000, 1_000_000);
        h.createPortfolio("closer", 100_000);
        h.order("closer", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10}", true);
        await().until(() -> h.fills.size() == 1);
        h.order("closer", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":10}", true);
        await().until(() -> h.fills.size() == 2);
        // 100 000 − 1 011.01 − 0.1 + 989.01 − 0.1 = 99 977.8; realized 10 × (98.901 − 101.101) = −22
        await().untilAsserted(() -> assertBook(h.lastState("closer"), 100_000, 99_977.8, 0.2));
        PositionUpdate closed = h.lastState("closer").positions().getFirst();
        assertThat(closed.quantity()).isEqualTo(0.0);
        assertThat(closed.realizedPnl()).isCloseTo(-22.0, within(1e-9));

        int before = h.states.size();
        h.json("POST", "/portfolios/closer/positions", "{\"symbol\":\"MSFT\",\"quantity\":5,\"price\":200}", 201);
        // the route's commit publishes the state: 99 977.8 − 1 000 = 98 977.8
        await().until(() -> h.states.size() == before + 1);
        PortfolioState s = h.lastState("closer");
        assertBook(s, 100_000, 98_977.8, 0.2);
        assertThat(s.positions()).extracting(PositionUpdate::symbol).containsExactly("AAPL", "MSFT");
        // no MSFT quote seen: the state says so with a last price of 0
        assertThat(s.positions().get(1).lastPrice()).isEqualTo(0.0);
    }

    @Test
    void test_state_reachesASubscriberBeforeTheFirstOrdersIntent() throws Exception {
        h.quote("AAPL", 99.0, 101.0, 1000, 1000);
        for (int k = 0; k < 20; k++) {
            h.createPortfolio("race-" + k, 100_000);
            h.json("POST", "/portfolios/race-" + k + "/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1}", 202);
        }
        await().until(() -> h.intents.size() == 20);
        await().until(() -> h.stateAndIntentOrder.size() == 40);
        for (int k = 0; k < 20; k++) {
            String id = "race-" + k;
            int state = indexOf(h.stateAndIntentOrder, o -> o instanceof PortfolioState s && s.portfolioId().equals(id));
            int intent = indexOf(h.stateAndIntentOrder, o -> o instanceof OrderIntent i && i.portfolioId().equals(id));
            assertThat(state).as(id).isLessThan(intent);
        }
    }

    private static int indexOf(List<Object> list, java.util.function.Predicate<Object> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void test_restart_republishesEveryStateAtReady() throws Exception {
        h.quote("AAPL", 99.0, 101.0, 1_000_000, 1_000_000);
        h.createPortfolio("r-100k", 100_000);
        h.createPortfolio("r-50m", 50_000_000);
        h.order("r-100k", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":100}", true);
        h.order("r-50m", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":100000}", true);
        await().until(() -> h.fills.size() == 2);
        await().untilAsserted(() -> assertBook(h.lastState("r-50m"), 50_000_000, 39_888_900, 1_000));

        h.states.clear();
        h.restart();
        await().untilAsserted(() -> assertThat(h.states).hasSize(2));
        assertThat(h.states).extracting(PortfolioState::portfolioId).containsExactlyInAnyOrder("r-100k", "r-50m");
        assertBook(h.lastState("r-100k"), 100_000, 89_888.9, 1.0);
        // 50 000 000 − 100 000 × 101.101 − 1 000 = 39 888 900
        assertBook(h.lastState("r-50m"), 50_000_000, 39_888_900, 1_000);
        PositionUpdate p = h.lastState("r-50m").positions().getFirst();
        assertThat(p.quantity()).isEqualTo(100_000.0);
        // marks after a restart come from the replayed fills (the last fill price) until a quote arrives
        assertThat(p.lastPrice()).isCloseTo(101.101, within(1e-9));
        assertThat(ask(PortfolioStateRequest.all()).portfolios()).hasSize(2);
    }

    @Test
    void test_pendingRisk_resentAtRestart_decisionAppliedOnce() throws Exception {
        h.quote("AAPL", 99.0, 101.0, 1_000_000, 1_000_000);
        h.createPortfolio("pr", 100_000);
        JsonNode o = h.json("POST", "/portfolios/pr/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10}", 202);
        String orderId = o.get("order_id").asText();
        await().until(() -> h.intents.size() == 1);
        // the process stops before Risk answered
        h.intents.clear();
        int seen = h.stateAndIntentOrder.size();
        h.restart();
        await().until(() -> h.intents.size() == 1);
        OrderIntent again = h.intents.getFirst();
        assertThat(again.orderId()).isEqualTo(orderId);
        assertThat(again).isEqualTo(h.stateAndIntentOrder.get(1));
        assertThat(h.orderState("pr", orderId).get("status").asText()).isEqualTo("pending_risk");
        // the intent comes after the portfolio's state, so Risk checks it against the book
        await().until(() -> h.stateAndIntentOrder.size() == seen + 2);
        assertThat(h.stateAndIntentOrder.get(seen)).isInstanceOfSatisfying(PortfolioState.class,
                s -> assertThat(s.portfolioId()).isEqualTo("pr"));
        assertThat(h.stateAndIntentOrder.get(seen + 1)).isEqualTo(again);
        h.quote("AAPL", 99.0, 101.0, 1_000_000, 1_000_000);
        h.decide(again, true);
        await().until(() -> h.fills.size() == 1);
        // a duplicate approval and a late rejection of the same order change nothing
        h.decide(again, true);
        h.decide(again, false);
        h.createPortfolio("barrier", 100_000);
        JsonNode after = h.orderState("pr", orderId);
        assertThat(after.get("status").asText()).isEqualTo("filled");
        assertThat(after.get("filled_quantity").asDouble()).isEqualTo(10.0);
        assertThat(h.fills).hasSize(1);
        JsonNode health = h.json("GET", "/health", null, 200);
        assertThat(health.toString()).contains("\"pending_risk_resent\":1");
    }

    @Test
    void test_pendingRisk_olderThanMaxAge_expiresAtRestart() throws Exception {
        h.close();
        h = new EngineHarness(dir, null, PortfolioEngineTest.CONFIG.with("portfolio.pending_risk.max_age.seconds", "0"),
                Clock.system());
        h.quote("AAPL", 99.0, 101.0, 1000, 1000);
        h.createPortfolio("old", 100_000);
        String orderId = h.json("POST", "/portfolios/old/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10}",
                202).get("order_id").asText();
        await().until(() -> h.intents.size() == 1);
        OrderIntent first = h.intents.getFirst();
        h.intents.clear();
        h.restart();
        JsonNode o = h.orderState("old", orderId);
        assertThat(h.json("GET", "/health", null, 200).toString()).contains("\"pending_risk_expired\":1");
        assertThat(o.get("status").asText()).isEqualTo("rejected");
        assertThat(o.get("reasons").get(0).asText()).isEqualTo(PortfolioDesk.EXPIRED_AT_RESTART);
        assertThat(h.intents).isEmpty();
        // Risk's late approval of the expired order is ignored
        h.decide(first, true);
        h.createPortfolio("barrier", 100_000);
        assertThat(h.orderState("old", orderId).get("status").asText()).isEqualTo("rejected");
        assertThat(h.fills).isEmpty();
        // and the expiry is durable
        h.restart();
        assertThat(h.orderState("old", orderId).get("status").asText()).isEqualTo("rejected");
        assertThat(h.json("GET", "/health", null, 200).toString()).contains("\"pending_risk_expired\":0");
        assertThat(h.intents).isEmpty();
    }

    @Test
    void test_create_idsAndNamesBoundedAndPrintable() throws Exception {
        String huge = "a".repeat(1_000_000);
        var r = h.send("POST", "/portfolios", "{\"portfolio_id\":\"" + huge + "\",\"portfolio_name\":\"x\",\"initial_value\":1000}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("portfolio_id");
        assertThat(r.body().length()).isLessThan(1_000);
        var nul = h.send("POST", "/portfolios", "{\"portfolio_id\":\"a\\u0000b\",\"portfolio_name\":\"x\",\"initial_value\":1000}");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(nul.body()).get("errors").get(0).get("field").asText()).isEqualTo("portfolio_id");
        var name = h.send("POST", "/portfolios", "{\"portfolio_name\":\"bad\\u0000name\",\"initial_value\":1000}");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(name.body()).get("errors").get(0).get("field").asText()).isEqualTo("portfolio_name");
        var longName = h.send("POST", "/portfolios", "{\"portfolio_name\":\"" + "n".repeat(201) + "\",\"initial_value\":1000}");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("portfolio_name must be at most 200 characters, got 201");
        // 64 characters of the allowed alphabet are fine; nothing bad was stored
        String ok = "A-z_0:9".repeat(10).substring(0, 64);
        h.createPortfolio(ok, 1000);
        JsonNode list = h.json("GET", "/portfolios", null, 200);
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("portfolios").get(0).get("portfolio_id").asText()).isEqualTo(ok);
        // an order's strategy_id is an id too; a bad side is echoed cut to 64 characters
        var strategy = h.send("POST", "/portfolios/" + ok + "/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\","
                + "\"quantity\":1,\"strategy_id\":\"" + huge + "\"}");
        assertThat(strategy.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(strategy.body()).get("errors").get(0).get("field").asText()).isEqualTo("strategy_id");
        var side = h.send("POST", "/portfolios/" + ok + "/orders", "{\"symbol\":\"AAPL\",\"side\":\"" + huge
                + "\",\"quantity\":1}");
        assertThat(Json.mapper().readTree(side.body()).get("errors").get(0).get("message").asText())
                .isEqualTo("must be buy or sell, got " + "a".repeat(64) + "...");
        assertThat(h.intents).isEmpty();
        // a path id that cannot be an id is refused by the http layer before the route runs, echoed cut to 64
        var tooLong = h.send("GET", "/portfolios/" + "z".repeat(5000), null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        JsonNode bad = Json.mapper().readTree(tooLong.body());
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(bad.get("detail").asText()).endsWith("got '" + "z".repeat(64) + "...'");
        var notFound = h.send("GET", "/portfolios/" + "z".repeat(64), null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(notFound.body()).get("detail").asText()).isEqualTo("no portfolio '" + "z".repeat(64) + "'");
        await().untilAsserted(() -> assertThat(h.states).extracting(PortfolioState::portfolioId).containsExactly(ok));
    }
}
