package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.time.Clock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on a real in-process bus and HTTP server; risk decisions are published by the test. */
class PortfolioEngineTest {
    static final long TS = 1_700_000_000_000_000_000L;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final EngineConfig CONFIG = EngineConfig.empty()
            .with("portfolio.slippage.bps", "10").with("portfolio.commission.bps", "0")
            .with("portfolio.commission.per_unit", "0.01").with("portfolio.commission.min", "0")
            .with("portfolio.snapshot.interval.seconds", "0");

    @TempDir
    Path dir;
    LocalBus bus;
    EngineHost host;
    final List<OrderIntent> intents = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final List<PositionUpdate> positions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        bus = LocalBus.create();
        var risk = bus.forEngine("risk");
        risk.subscribe(Topics.ORDER_INTENT, OrderIntent.class, (i, m) -> intents.add(i));
        risk.subscribe("fill.>", Fill.class, (f, m) -> fills.add(f));
        risk.subscribe("position.>", PositionUpdate.class, (p, m) -> positions.add(p));
        host = startHost();
    }

    EngineHost startHost() {
        return new EngineHost(new PortfolioEngine(), HostSettings.defaults().withHttp(HttpSettings.local(0))
                .withDataDir(dir.toString()).withConfig(CONFIG), bus, Clock.system(), () -> true).start();
    }

    @AfterEach
    void stop() {
        host.close();
        bus.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String body, int status) throws Exception {
        var r = send(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    void createPortfolio(String id) throws Exception {
        json("POST", "/portfolios", "{\"portfolio_id\":\"" + id + "\",\"portfolio_name\":\"Test\",\"initial_value\":100000,"
                + "\"symbols\":[\"AAPL\",\"MSFT\"]}", 201);
    }

    void quote(String symbol, double bid, double ask, double bidSize, double askSize) {
        bus.forEngine("marketdata").publish(Topics.quote(symbol), new Quote(symbol, bid, ask, bidSize, askSize, TS));
    }

    /** Posts an order and answers its intent like the risk engine would. */
    String order(String id, String body, boolean approve) throws Exception {
        JsonNode o = json("POST", "/portfolios/" + id + "/orders", body, 202);
        String orderId = o.get("order_id").asText();
        assertThat(o.get("status").asText()).isEqualTo("pending_risk");
        await().until(() -> intents.stream().anyMatch(i -> i.orderId().equals(orderId)));
        OrderIntent intent = intents.stream().filter(i -> i.orderId().equals(orderId)).findFirst().orElseThrow();
        bus.forEngine("risk").publish(approve ? Topics.ORDER_APPROVED : Topics.ORDER_REJECTED,
                new RiskDecision(intent, approve, approve ? List.of() : List.of("MAX_QUANTITY"), TS));
        return orderId;
    }

    JsonNode orderState(String id, String orderId) throws Exception {
        for (JsonNode o : json("GET", "/portfolios/" + id + "/orders", null, 200).get("orders")) {
            if (o.get("order_id").asText().equals(orderId)) {
                return o;
            }
        }
        throw new AssertionError("no order " + orderId);
    }

    @Test
    void test_marketOrders_fillAtAskAndBidWithSlippageAndFees() throws Exception {
        createPortfolio("p1");
        quote("AAPL", 99.0, 101.0, 1000, 1000);
        await().until(() -> json("POST", "/portfolios/p1/orders",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":0.5,\"order_type\":\"limit\",\"limit_price\":1}",
                202) != null);
        intents.clear();
        order("p1", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":100}", true);
        await().until(() -> fills.size() == 1);
        Fill buy = fills.getFirst();
        // ask 101 × (1 + 10 bps) = 101.101; commission 100 × 0.01 = 1.00
        assertThat(buy.price()).isCloseTo(101.101, within(1e-9));
        assertThat(buy.commission()).isCloseTo(1.0, within(1e-12));
        await().until(() -> positions.size() == 1);
        assertThat(positions.getFirst().quantity()).isEqualTo(100.0);
        assertThat(positions.getFirst().averageCost()).isCloseTo(101.101, within(1e-9));

        order("p1", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":40}", true);
        await().until(() -> fills.size() == 2);
        // bid 99 × (1 − 10 bps) = 98.901; realized 40 × (98.901 − 101.101) = −88
        assertThat(fills.get(1).price()).isCloseTo(98.901, within(1e-9));
        JsonNode p = json("GET", "/portfolios/p1", null, 200);
        assertThat(p.get("realized_pnl").asDouble()).isCloseTo(-88.0, within(1e-9));
        // cash 100 000 − 10 110.1 − 1 + 3 956.04 − 0.4 = 93 844.54
        assertThat(p.get("cash_balance").asDouble()).isCloseTo(93_844.54, within(1e-6));
        assertThat(p.get("fees").asDouble()).isCloseTo(1.4, within(1e-12));
        assertThat(p.get("positions").get(0).get("quantity").asDouble()).isEqualTo(60.0);
    }

    @Test
    void test_limitOrder_restsUntilMarketableAndPartiallyFills() throws Exception {
        createPortfolio("p2");
        quote("MSFT", 399.0, 401.0, 100, 30);
        String id = order("p2", "{\"symbol\":\"MSFT\",\"side\":\"buy\",\"quantity\":50,\"order_type\":\"limit\",\"limit_price\":400}", true);
        await().until(() -> orderState("p2", id).get("status").asText().equals("approved"));
        assertThat(fills).isEmpty();
        quote("MSFT", 398.0, 399.5, 100, 30);
        await().until(() -> fills.size() == 1);
        // ask 399.5 ≤ 400: fills min(400, 399.5 × 1.001 = 399.8995) for the 30 shown
        assertThat(fills.getFirst().price()).isCloseTo(399.8995, within(1e-9));
        assertThat(fills.getFirst().quantity()).isEqualTo(30.0);
        await().until(() -> orderState("p2", id).get("status").asText().equals("partially_filled"));
        quote("MSFT", 398.0, 399.9, 100, 500);
        await().until(() -> fills.size() == 2);
        // 399.9 × 1.001 = 400.2999 → capped at the limit 400
        assertThat(fills.get(1).price()).isCloseTo(400.0, within(1e-9));
        assertThat(fills.get(1).quantity()).isEqualTo(20.0);
        JsonNode o = orderState("p2", id);
        assertThat(o.get("status").asText()).isEqualTo("filled");
        assertThat(o.get("average_fill_price").asDouble()).isCloseTo((30 * 399.8995 + 20 * 400.0) / 50, within(1e-9));
    }

    @Test
    void test_lastTradeWithoutQuote_andRejection() throws Exception {
        createPortfolio("p3");
        bus.forEngine("marketdata").publish(Topics.trade("AAPL"), new Trade("AAPL", 50.0, 10, TS));
        await().until(() -> {
            var r = send("POST", "/portfolios/p3/positions", "{\"symbol\":\"AAPL\",\"quantity\":1}");
            return r.statusCode() == 201;
        });
        String rejected = order("p3", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10}", false);
        await().until(() -> orderState("p3", rejected).get("status").asText().equals("rejected"));
        assertThat(orderState("p3", rejected).get("reasons").get(0).asText()).isEqualTo("MAX_QUANTITY");
        order("p3", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10}", true);
        // the manual position (price 50 from the last trade) is fill 1; the order fills at 50 × 1.001
        await().until(() -> fills.size() == 2);
        assertThat(fills.get(1).price()).isCloseTo(50.05, within(1e-12));
    }

    @Test
    void test_badOrders_are4xx() throws Exception {
        createPortfolio("p4");
        var unknown = send("POST", "/portfolios/p4/orders", "{\"symbol\":\"ZZZZ\",\"side\":\"buy\",\"quantity\":1}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown symbol");
        var negative = send("POST", "/portfolios/p4/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":-5}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("quantity");
        var zero = send("POST", "/portfolios/p4/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        var nan = send("POST", "/portfolios/p4/orders",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1,\"order_type\":\"limit\",\"limit_price\":NaN}");
        assertThat(nan.statusCode()).isEqualTo(400);
        var noLimit = send("POST", "/portfolios/p4/orders",
                "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1,\"order_type\":\"limit\"}");
        assertThat(noLimit.statusCode()).isEqualTo(400);
        assertThat(noLimit.body()).contains("limit_price");
        var side = send("POST", "/portfolios/p4/orders", "{\"symbol\":\"AAPL\",\"side\":\"hold\",\"quantity\":1}");
        assertThat(side.statusCode()).isEqualTo(400);
        var malformed = send("POST", "/portfolios/p4/orders", "{\"symbol\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(send("POST", "/portfolios/nope/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":1}")
                .statusCode()).isEqualTo(404);
        assertThat(send("POST", "/portfolios", "{\"portfolio_name\":\"x\",\"initial_value\":-1}").statusCode()).isEqualTo(400);
    }

    @Test
    void test_restart_restoresExactlyTheSameState() throws Exception {
        createPortfolio("p5");
        quote("AAPL", 99.0, 101.0, 0, 0);
        await().until(() -> send("POST", "/portfolios/p5/positions", "{\"symbol\":\"MSFT\",\"quantity\":-7,\"price\":300}")
                .statusCode() == 201);
        order("p5", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":30}", true);
        order("p5", "{\"symbol\":\"AAPL\",\"side\":\"sell\",\"quantity\":45}", true);
        String resting = order("p5", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":5,\"order_type\":\"limit\",\"limit_price\":90}", true);
        await().until(() -> fills.size() == 3);
        await().until(() -> orderState("p5", resting).get("status").asText().equals("approved"));
        String before = json("GET", "/portfolios/p5", null, 200).toString();
        String ordersBefore = json("GET", "/portfolios/p5/orders", null, 200).toString();
        host.close();
        host = startHost();
        quote("AAPL", 99.0, 101.0, 0, 0);
        await().until(() -> json("GET", "/portfolios/p5", null, 200).toString().equals(before));
        assertThat(json("GET", "/portfolios/p5/orders", null, 200).toString()).isEqualTo(ordersBefore);
        JsonNode p = Json.mapper().readTree(before);
        // AAPL: long 30 at 101.101, sell 45 at 98.901 → realized 30 × (98.901 − 101.101) = −66, short 15 at 98.901
        assertThat(p.get("realized_pnl").asDouble()).isCloseTo(-66.0, within(1e-9));
        // the resting limit still fills after the restart
        quote("AAPL", 88.0, 89.0, 0, 0);
        await().until(() -> fills.size() == 4);
        assertThat(fills.get(3).orderId()).isEqualTo(resting);
    }

    @Test
    void test_seedRoutes_optimizeRebalanceHistoryPerformance() throws Exception {
        createPortfolio("p6");
        quote("AAPL", 99.0, 101.0, 0, 0);
        quote("MSFT", 199.0, 201.0, 0, 0);
        String returns = "[[0.01,0.02],[-0.02,0.01],[0.015,-0.01],[0.005,0.0],[-0.01,0.03],[0.02,-0.02]]";
        JsonNode opt = json("POST", "/portfolios/p6/optimize", "{\"method\":\"min_variance\",\"returns\":" + returns + "}", 200);
        assertThat(opt.get("status").asText()).isEqualTo("optimization_completed");
        assertThat(opt.get("method").asText()).isEqualTo("min_variance");
        double wa = opt.get("target_weights").get("AAPL").asDouble();
        assertThat(wa + opt.get("target_weights").get("MSFT").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(opt.get("expected_risk").asDouble()).isPositive();
        assertThat(opt.has("optimization_time_ms")).isTrue();
        JsonNode history = json("GET", "/portfolios/p6/optimization-history", null, 200);
        assertThat(history.get("count").asInt()).isEqualTo(1);
        assertThat(history.get("optimizations").get(0).get("optimization_id").asText()).isEqualTo(opt.get("optimization_id").asText());

        JsonNode dry = json("POST", "/portfolios/p6/rebalance",
                "{\"target_weights\":{\"AAPL\":0.5,\"MSFT\":0.3},\"dry_run\":true}", 200);
        assertThat(dry.get("status").asText()).isEqualTo("dry_run");
        // 50 000 / 100 (mid) = 500 AAPL; 30 000 / 200 = 150 MSFT
        assertThat(dry.get("trades")).hasSize(2);
        assertThat(dry.get("trades").get(0).get("quantity").asDouble()).isEqualTo(500.0);
        assertThat(dry.get("trades").get(1).get("quantity").asDouble()).isEqualTo(150.0);
        assertThat(dry.get("turnover").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(dry.get("cost").asDouble()).isPositive();
        assertThat(intents).isEmpty();
        JsonNode live = json("POST", "/portfolios/p6/rebalance", "{\"target_weights\":{\"AAPL\":0.5,\"MSFT\":0.3}}", 200);
        assertThat(live.get("order_ids")).hasSize(2);
        await().until(() -> intents.size() == 2);

        JsonNode perf = json("GET", "/portfolios/p6/performance", null, 200);
        assertThat(perf.get("total_value").asDouble()).isCloseTo(100_000, within(1e-9));
        assertThat(perf.get("max_drawdown_pct").isNull()).isTrue();

        var infeasible = send("POST", "/optimize", "{\"method\":\"min_variance\",\"returns\":" + returns
                + ",\"constraints\":{\"max_weight\":0.4}}");
        assertThat(infeasible.statusCode()).isEqualTo(422);
        assertThat(infeasible.body()).contains("maximum weights sum to 0.8");
        JsonNode stateless = json("POST", "/optimize", "{\"method\":\"risk_parity\",\"assets\":[\"A\",\"B\"],"
                + "\"covariance\":[[0.04,0.0],[0.0,0.01]]}", 200);
        // ERC of uncorrelated assets: w ∝ 1/σ = 5 : 10 → 1/3, 2/3
        assertThat(stateless.get("target_weights").get("A").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(stateless.get("risk_contributions").get("A").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(stateless.get("expected_return").isNull()).isTrue();
        assertThat(send("POST", "/optimize", "{\"method\":\"magic\",\"covariance\":[[1]]}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/optimize", "{\"method\":\"max_sharpe\",\"covariance\":[[0.04,0.0],[0.0,0.01]]}")
                .statusCode()).isEqualTo(400);
        assertThat(json("GET", "/portfolios", null, 200).get("count").asInt()).isEqualTo(1);
    }
}
