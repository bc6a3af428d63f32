package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.time.Clock;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a real in-process bus and HTTP server (SQLite store); risk decisions are published by the test.
 * Persistence across restarts on SQLite and PostgreSQL is in {@link PortfolioDeskTest}.
 */
class PortfolioEngineTest {
    static final EngineConfig CONFIG = EngineConfig.empty()
            .with("portfolio.slippage.bps", "10").with("portfolio.commission.bps", "0")
            .with("portfolio.commission.per_unit", "0.01").with("portfolio.commission.min", "0")
            .with("portfolio.snapshot.interval.seconds", "0");

    @TempDir
    Path dir;
    EngineHarness h;

    @BeforeEach
    void start() {
        h = new EngineHarness(dir, null, CONFIG, Clock.system());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void test_marketOrders_fillAtAskAndBidWithSlippageAndFees() throws Exception {
        h.createPortfolio("p1");
        h.quote("AAPL", 99.0, 101.0, 1000, 1000);
        await().until(() -> h.json("POST", "/portfolios/p1/orders",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":0.5,\"order_type\":\"limit\",\"limit_price\":1}",
                202) != null);
        h.intents.clear();
        h.order("p1", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":100}", true);
        await().until(() -> h.fills.size() == 1);
        Fill buy = h.fills.getFirst();
        // ask 101 × (1 + 10 bps) = 101.101; commission 100 × 0.01 = 1.00
        assertThat(buy.price()).isCloseTo(101.101, within(1e-9));
        assertThat(buy.commission()).isCloseTo(1.0, within(1e-12));
        await().until(() -> h.positions.size() == 1);
        assertThat(h.positions.getFirst().quantity()).isEqualTo(100.0);
        assertThat(h.positions.getFirst().averageCost()).isCloseTo(101.101, within(1e-9));

        h.order("p1", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":40}", true);
        await().until(() -> h.fills.size() == 2);
        // bid 99 × (1 − 10 bps) = 98.901; realized 40 × (98.901 − 101.101) = −88
        assertThat(h.fills.get(1).price()).isCloseTo(98.901, within(1e-9));
        JsonNode p = h.json("GET", "/portfolios/p1", null, 200);
        assertThat(p.get("realized_pnl").asDouble()).isCloseTo(-88.0, within(1e-9));
        // cash 100 000 − 10 110.1 − 1 + 3 956.04 − 0.4 = 93 844.54
        assertThat(p.get("cash_balance").asDouble()).isCloseTo(93_844.54, within(1e-6));
        assertThat(p.get("fees").asDouble()).isCloseTo(1.4, within(1e-12));
        assertThat(p.get("positions").get(0).get("quantity").asDouble()).isEqualTo(60.0);
    }

    @Test
    void test_limitOrder_restsUntilMarketableAndPartiallyFills() throws Exception {
        h.createPortfolio("p2");
        h.quote("MSFT", 399.0, 401.0, 100, 30);
        String id = h.order("p2", "{\"symbol\":\"MSFT\",\"side\":\"buy\",\"quantity\":50,\"order_type\":\"limit\",\"limit_price\":400}", true);
        await().until(() -> h.orderState("p2", id).get("status").asText().equals("approved"));
        assertThat(h.fills).isEmpty();
        h.quote("MSFT", 398.0, 399.5, 100, 30);
        await().until(() -> h.fills.size() == 1);
        // ask 399.5 ≤ 400: h.fills min(400, 399.5 × 1.001 = 399.8995) for the 30 shown
        assertThat(h.fills.getFirst().price()).isCloseTo(399.8995, within(1e-9));
        assertThat(h.fills.getFirst().quantity()).isEqualTo(30.0);
        await().until(() -> h.orderState("p2", id).get("status").asText().equals("partially_filled"));
        h.quote("MSFT", 398.0, 399.9, 100, 500);
        await().until(() -> h.fills.size() == 2);
        // 399.9 × 1.001 = 400.2999 → capped at the limit 400
        assertThat(h.fills.get(1).price()).isCloseTo(400.0, within(1e-9));
        assertThat(h.fills.get(1).quantity()).isEqualTo(20.0);
        JsonNode o = h.orderState("p2", id);
        assertThat(o.get("status").asText()).isEqualTo("filled");
        assertThat(o.get("average_fill_price").asDouble()).isCloseTo((30 * 399.8995 + 20 * 400.0) / 50, within(1e-9));
    }

    @Test
    void test_lastTradeWithoutQuote_andRejection() throws Exception {
        h.createPortfolio("p3");
        h.bus.forEngine("marketdata").publish(Topics.trade("AAPL"), new Trade("AAPL", 50.0, 10, EngineHarness.TS));
        await().until(() -> {
            var r = h.send("POST", "/portfolios/p3/positions", "{\"symbol\":\"AAPL\",\"quantity\":1}");
            return r.statusCode() == 201;
        });
        String rejected = h.order("p3", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10}", false);
        await().until(() -> h.orderState("p3", rejected).get("status").asText().equals("rejected"));
        assertThat(h.orderState("p3", rejected).get("reasons").get(0).asText()).isEqualTo("MAX_QUANTITY");
        // "aapl" is AAPL, as Market Data publishes it: the order is priced from AAPL's last trade
        h.order("p3", "{\"symbol\":\"aapl\",\"side\":\"buy\",\"quantity\":10}", true);
        // the manual position (price 50 from the last trade) is fill 1; the order h.fills at 50 × 1.001
        await().until(() -> h.fills.size() == 2);
        assertThat(h.fills.get(1).symbol()).isEqualTo("AAPL");
        assertThat(h.fills.get(1).price()).isCloseTo(50.05, within(1e-12));
    }

    @Test
    void test_badOrders_are4xx() throws Exception {
        h.createPortfolio("p4");
        var unknown = h.send("POST", "/portfolios/p4/orders", "{\"symbol\":\"ZZZZ\",\"side\":\"buy\",\"quantity\":1}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown symbol");
        var negative = h.send("POST", "/portfolios/p4/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":-5}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("quantity");
        var zero = h.send("POST", "/portfolios/p4/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        var nan = h.send("POST", "/portfolios/p4/orders",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1,\"order_type\":\"limit\",\"limit_price\":NaN}");
        assertThat(nan.statusCode()).isEqualTo(400);
        var noLimit = h.send("POST", "/portfolios/p4/orders",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1,\"order_type\":\"limit\"}");
        assertThat(noLimit.statusCode()).isEqualTo(400);
        assertThat(noLimit.body()).contains("limit_price");
        var side = h.send("POST", "/portfolios/p4/orders", "{\"symbol\":\"AAPL\",\"side\":\"hold\",\"quantity\":1}");
        assertThat(side.statusCode()).isEqualTo(400);
        // a misspelt field is refused, not ignored: "type" instead of "order_type" would otherwise trade at market
        var misspelt = h.send("POST", "/portfolios/p4/orders",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1,\"type\":\"limit\",\"limit_price\":1}");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        JsonNode typo = Json.mapper().readTree(misspelt.body());
        assertThat(typo.get("errors").get(0).get("field").asText()).isEqualTo("type");
        assertThat(typo.get("errors").get(0).get("message").asText())
                .isEqualTo("unknown field 'type'; known fields: limit_price, order_type, quantity, reduce_only, side, "
                        + "strategy_id, symbol");
        var malformed = h.send("POST", "/portfolios/p4/orders", "{\"symbol\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(h.send("POST", "/portfolios/nope/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1}")
                .statusCode()).isEqualTo(404);
        assertThat(h.send("POST", "/portfolios", "{\"portfolio_name\":\"x\",\"initial_value\":-1}").statusCode()).isEqualTo(400);
    }

    @Test
    void test_seedRoutes_optimizeRebalanceHistoryPerformance() throws Exception {
        h.createPortfolio("p6");
        h.quote("AAPL", 99.0, 101.0, 0, 0);
        h.quote("MSFT", 199.0, 201.0, 0, 0);
        String returns = "[[0.01,0.02],[-0.02,0.01],[0.015,-0.01],[0.005,0.0],[-0.01,0.03],[0.02,-0.02]]";
        JsonNode opt = h.json("POST", "/portfolios/p6/optimize", "{\"method\":\"min_variance\",\"returns\":" + returns + "}", 200);
        assertThat(opt.get("status").asText()).isEqualTo("optimization_completed");
        assertThat(opt.get("method").asText()).isEqualTo("min_variance");
        // By hand: means A 0.02/6, B 0.03/6; sums of squared/cross deviations A 0.00118333, B 0.00175, AB −0.00095;
        // sample covariance (÷ T−1 = 5) × 252: σA² = 0.05964, σB² = 0.0882, σAB = −0.04788. Two-asset minimum
        // variance (interior, so long-only does not bind): wA = (σB² − σAB) / (σA² + σB² − 2σAB) = 0.13608 / 0.2436
        // = 81/145 = 0.558621; variance = (σA²σB² − σAB²) / (σA² + σB² − 2σAB) = 0.0029677536 / 0.2436, risk 0.110376
        double wa = opt.get("target_weights").get("AAPL").asDouble();
        assertThat(wa).isCloseTo(81.0 / 145, within(1e-8));
        assertThat(wa + opt.get("target_weights").get("MSFT").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(opt.get("expected_risk").asDouble()).isCloseTo(Math.sqrt(0.0029677536 / 0.2436), within(1e-9));
        assertThat(opt.has("optimization_time_ms")).isTrue();
        JsonNode history = h.json("GET", "/portfolios/p6/optimization-history", null, 200);
        assertThat(history.get("count").asInt()).isEqualTo(1);
        assertThat(history.get("optimizations").get(0).get("optimization_id").asText()).isEqualTo(opt.get("optimization_id").asText());

        JsonNode dry = h.json("POST", "/portfolios/p6/rebalance",
                "{\"target_weights\":{\"AAPL\":0.5,\"MSFT\":0.3},\"dry_run\":true}", 200);
        assertThat(dry.get("status").asText()).isEqualTo("dry_run");
        // 50 000 / 100 (mid) = 500 AAPL; 30 000 / 200 = 150 MSFT
        assertThat(dry.get("trades")).hasSize(2);
        assertThat(dry.get("trades").get(0).get("quantity").asDouble()).isEqualTo(500.0);
        assertThat(dry.get("trades").get(1).get("quantity").asDouble()).isEqualTo(150.0);
        assertThat(dry.get("turnover").asDouble()).isCloseTo(0.8, within(1e-12));
        // CONFIG: slippage 10 bps, commission 0.01 per unit, 0 bps. AAPL: 10 bps × 50 000 + 0.01 × 500 = 50 + 5 = 55;
        // MSFT: 10 bps × 30 000 + 0.01 × 150 = 30 + 1.5 = 31.5; total 86.5
        assertThat(dry.get("trades").get(0).get("estimated_cost").asDouble()).isCloseTo(55.0, within(1e-9));
        assertThat(dry.get("trades").get(1).get("estimated_cost").asDouble()).isCloseTo(31.5, within(1e-9));
        assertThat(dry.get("cost").asDouble()).isCloseTo(86.5, within(1e-9));
        assertThat(dry.get("estimated_cost").asDouble()).isCloseTo(86.5, within(1e-9));
        assertThat(h.intents).isEmpty();
        JsonNode live = h.json("POST", "/portfolios/p6/rebalance", "{\"target_weights\":{\"AAPL\":0.5,\"MSFT\":0.3}}", 200);
        assertThat(live.get("order_ids")).hasSize(2);
        await().until(() -> h.intents.size() == 2);

        JsonNode perf = h.json("GET", "/portfolios/p6/performance", null, 200);
        assertThat(perf.get("total_value").asDouble()).isCloseTo(100_000, within(1e-9));
        assertThat(perf.get("max_drawdown_pct").isNull()).isTrue();

        var infeasible = h.send("POST", "/optimize", "{\"method\":\"min_variance\",\"returns\":" + returns
                + ",\"constraints\":{\"max_weight\":0.4}}");
        assertThat(infeasible.statusCode()).isEqualTo(422);
        assertThat(infeasible.body()).contains("maximum weights sum to 0.8");
        JsonNode stateless = h.json("POST", "/optimize", "{\"method\":\"risk_parity\",\"assets\":[\"A\",\"B\"],"
                + "\"covariance\":[[0.04,0.0],[0.0,0.01]]}", 200);
        // ERC of uncorrelated assets: w ∝ 1/σ = 5 : 10 → 1/3, 2/3
        assertThat(stateless.get("target_weights").get("A").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(stateless.get("risk_contributions").get("A").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(stateless.get("expected_return").isNull()).isTrue();
        assertThat(h.send("POST", "/optimize", "{\"method\":\"magic\",\"covariance\":[[1]]}").statusCode()).isEqualTo(400);
        assertThat(h.send("POST", "/optimize", "{\"method\":\"max_sharpe\",\"covariance\":[[0.04,0.0],[0.0,0.01]]}")
                .statusCode()).isEqualTo(400);
        assertThat(h.json("GET", "/portfolios", null, 200).get("count").asInt()).isEqualTo(1);
    }
}
