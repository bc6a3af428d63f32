package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskBreach;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Severity;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on a real bus: pre-trade decisions, kill switch, throttle, monitoring, bar history and the model. */
class RiskEngineTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    /** Standard normal of commons-math (test scope), the independent reference for z and Phi. */
    private static final org.apache.commons.math3.distribution.NormalDistribution REFERENCE_NORMAL =
            new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
    private static final long DAY = 86_400_000_000_000L;
    @TempDir
    Path dir;
    private LocalBus bus;
    private RiskHost risk;
    private MessageBus test;
    private final List<RiskDecision> decisions = new CopyOnWriteArrayList<>();
    private final List<RiskBreach> breaches = new CopyOnWriteArrayList<>();
    private final List<Priority> breachPriorities = new CopyOnWriteArrayList<>();

    void start(io.nautilus.core.engine.EngineConfig config) {
        bus = LocalBus.create();
        test = bus.forEngine("test");
        test.subscribe(Topics.ORDER_APPROVED, RiskDecision.class, (d, m) -> decisions.add(d));
        test.subscribe(Topics.ORDER_REJECTED, RiskDecision.class, (d, m) -> decisions.add(d));
        test.subscribe("risk.breach.*", RiskBreach.class, (b, m) -> {
            breaches.add(b);
            breachPriorities.add(m.priority());
        });
        risk = new RiskHost(bus, dir, config);
    }

    @BeforeEach
    void startDefault() {
        start(RiskHost.testConfig());
    }

    @AfterEach
    void stop() {
        risk.close();
        bus.close();
    }

    private static OrderIntent order(String id, Side side, double qty) {
        return new OrderIntent(id, "p1", "s1", "AAPL", side, qty, OrderType.MARKET, Double.NaN, false, T0);
    }

    private RiskDecision decide(OrderIntent o) {
        test.publish(Topics.ORDER_INTENT, o);
        await().until(() -> decisions.stream().anyMatch(d -> d.intent().orderId().equals(o.orderId())));
        return decisions.stream().filter(d -> d.intent().orderId().equals(o.orderId())).findFirst().orElseThrow();
    }

    private void position(double qty, double price) throws Exception {
        risk.position(new PositionUpdate("p1", "AAPL", qty, 90, 0, price, T0));
        await().until(() -> risk.json("GET", "/risk/portfolios/p1", null, 200).get("market_values").path("AAPL")
                .asDouble(Double.NaN) == qty * price);
    }

    @Test
    void test_intent_approvedOrRejectedOnTheBusAfterTheOrder() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\",\"limit_value\":10000,"
                + "\"portfolio_id\":\"p1\"}", 201);
        position(100, 95);
        test.publish(Topics.quote("AAPL"), new Quote("AAPL", 94.9, 95.1, 10, 10, T0));
        // 101 x 95 = 9,595: 95.95% of the limit, approved with a warning remark
        RiskDecision ok = decide(order("o1", Side.BUY, 1));
        assertThat(ok.approved()).isTrue();
        assertThat(ok.reasons()).containsExactly("LIMIT_WARNING:portfolio_value:pv");
        // 110 x 95 = 10,450 >= 10,000: rejected
        RiskDecision no = decide(order("o2", Side.BUY, 10));
        assertThat(no.approved()).isFalse();
        assertThat(no.reasons()).containsExactly("LIMIT_BREACH:portfolio_value:pv");
    }

    @Test
    void test_intent_killSwitchAndReducing() throws Exception {
        position(100, 95);
        test.publish(Topics.quote("AAPL"), new Quote("AAPL", 95, 95, 10, 10, T0));
        risk.json("POST", "/risk/trading-state/p1", "{\"state\":\"halted\",\"reason\":\"desk closed\"}", 200);
        assertThat(decide(order("h1", Side.SELL, 1)).reasons()).containsExactly("TRADING_HALTED");
        risk.json("POST", "/risk/trading-state/p1", "{\"state\":\"reducing\"}", 200);
        assertThat(decide(order("r1", Side.SELL, 10)).approved()).isTrue();
        assertThat(decide(order("r2", Side.BUY, 10)).reasons()).containsExactly("TRADING_REDUCING");
        risk.json("POST", "/risk/trading-state/p1", "{\"state\":\"active\"}", 200);
        risk.json("POST", "/risk/trading-state", "{\"state\":\"halted\"}", 200);
        assertThat(decide(order("g1", Side.BUY, 1)).reasons()).containsExactly("TRADING_HALTED");
        JsonNode states = risk.json("GET", "/risk/trading-state", null, 200).get("states");
        assertThat(states.get("*").asText()).isEqualTo("HALTED");
    }

    @Test
    void test_intent_throttlePerPortfolio() throws Exception {
        risk.book("p1", 1_000_000);
        test.publish(Topics.quote("AAPL"), new Quote("AAPL", 95, 95, 10, 10, T0));
        risk.json("PUT", "/risk/controls/p1", "{\"max_orders_per_second_portfolio\":2,\"max_quantity\":50}", 200);
        assertThat(decide(order("q0", Side.BUY, 51)).reasons()).containsExactly("MAX_QUANTITY");
        var results = new ArrayList<Boolean>();
        for (int i = 0; i < 3; i++) {
            test.publish(Topics.ORDER_INTENT, order("t" + i, Side.BUY, 1));
        }
        await().until(() -> decisions.stream().filter(d -> d.intent().orderId().startsWith("t")).count() == 3);
        decisions.stream().filter(d -> d.intent().orderId().startsWith("t")).forEach(d -> results.add(d.approved()));
        // the ring handles the three within far less than a second: the third is over 2 per second
        assertThat(results).containsExactly(true, true, false);
        assertThat(decisions.getLast().reasons()).containsExactly("THROTTLE_PORTFOLIO");
    }

    @Test
    void test_monitor_breachPublishedCriticalEscalatedAndAutoResolved() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"gross\",\"limit_type\":\"gross_exposure\",\"limit_value\":10000,"
                + "\"portfolio_id\":\"p1\"}", 201);
        position(100, 95);
        await().until(() -> breaches.size() == 1);
        assertThat(breaches.getFirst().severity()).isEqualTo(Severity.WARNING);
        assertThat(breaches.getFirst().value()).isCloseTo(9500, within(1e-9));
        assertThat(breachPriorities.getFirst()).isEqualTo(Priority.CRITICAL);
        // committed before it was published
        assertThat(risk.json("GET", "/risk/breaches?portfolio_id=p1&active=true", null, 200).get("breaches").get(0)
                .get("breach_id").asText()).isEqualTo(breaches.getFirst().breachId());
        test.publish(Topics.quote("AAPL"), new Quote("AAPL", 120, 120, 1, 1, T0 + 1));
        await().until(() -> breaches.size() == 2);
        assertThat(breaches.get(1).severity()).isEqualTo(Severity.HIGH);
        assertThat(breaches.get(1).breachId()).isEqualTo(breaches.getFirst().breachId());
        // 7,000 = 70%: under the 80% warning threshold by more than the 5-point band
        test.publish(Topics.quote("AAPL"), new Quote("AAPL", 70, 70, 1, 1, T0 + 2));
        await().until(() -> breaches.size() == 3);
        assertThat(breaches.get(2).resolved()).isTrue();
        JsonNode history = risk.json("GET", "/risk/breaches?portfolio_id=p1", null, 200);
        assertThat(history.get("count").asInt()).isEqualTo(1);
        assertThat(history.get("breaches").get(0).get("resolved").asBoolean()).isTrue();
        assertThat(history.get("breaches").get(0).get("action_taken").asText()).startsWith("auto");
    }

    /** Daily bars of ttrc (close, volume) from 1985-01-02, the n most recent of the first {@code n} rows. */
    static List<Bar> ttrcBars(String symbol, int n) {
        var bars = new ArrayList<Bar>();
        List<String[]> rows = SharedData.ttrc();
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i);
            double o = Double.parseDouble(f[1]);
            double h = Double.parseDouble(f[2]);
            double l = Double.parseDouble(f[3]);
            double c = Double.parseDouble(f[4]);
            bars.add(new Bar(symbol, "1d", T0 + i * DAY, T0 + (i + 1) * DAY, o, h, l, c, Double.parseDouble(f[5]), c, 1));
        }
        return bars;
    }

    @Test
    void test_history_requestedFromMarketDataFeedsModelAndAdv() throws Exception {
        risk.close();
        bus.close();
        start(RiskHost.testConfig().with("risk.history.request", "true"));
        List<Bar> bars = ttrcBars("AAPL", 61);
        bus.forEngine("marketdata").respond(BarHistoryRequest.TOPIC, BarHistoryRequest.class,
                q -> new BarHistory(q.symbol(), q.interval(), bars));
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"var\",\"limit_type\":\"var_limit\",\"limit_value\":1000000,"
                + "\"portfolio_id\":\"p1\"}", 201);
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"adv\",\"limit_type\":\"adv_limit\",\"limit_value\":1,"
                + "\"portfolio_id\":\"p1\"}", 201);
        risk.position(new PositionUpdate("p1", "AAPL", 10_000, 3, 0, 3.5, T0));
        // expected: z_0.99 x |10,000 x 3.5| x EWMA(0.94) volatility of the 60 daily simple returns (zero mean)
        double[] r = new double[60];
        for (int i = 1; i <= 60; i++) {
            r[i - 1] = bars.get(i).close() / bars.get(i - 1).close() - 1;
        }
        // independent of core/quant: z from commons-math (2.3263478740408408), the EWMA as its explicit weighted sum
        double expectedVar = REFERENCE_NORMAL.inverseCumulativeProbability(0.99) * 35_000 * Math.sqrt(ewmaVariance(r, 0.94));
        double adv = bars.subList(41, 61).stream().mapToDouble(Bar::volume).average().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, JsonNode> byId = evaluations();
            assertThat(byId.get("var").get("value").asDouble(Double.NaN)).isCloseTo(expectedVar, within(1e-6));
            assertThat(byId.get("adv").get("value").asDouble(Double.NaN)).isCloseTo(10_000 / adv, within(1e-12));
        });
    }

    @Test
    void test_prediction_publishedWhenTheProbabilityCrossesTheLevel() throws Exception {
        risk.close();
        bus.close();
        start(RiskHost.testConfig().with("risk.prediction.interval_seconds", "1")
                .with("risk.prediction.model", "ewma").with("risk.prediction.alert_probability", "0.2"));
        var predictions = new CopyOnWriteArrayList<RiskBreach>();
        test.subscribe("risk.prediction.*", RiskBreach.class, (b, m) -> predictions.add(b));
        ttrcBars("AAPL", 61).forEach(b -> test.publish(Topics.bar("1d", "AAPL"), b));
        // a daily-loss limit of 100 on a 35,000 position: tomorrow's loss exceeds it with a high probability
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"loss\",\"limit_type\":\"daily_loss\",\"limit_value\":100,"
                + "\"portfolio_id\":\"p1\"}", 201);
        risk.position(new PositionUpdate("p1", "AAPL", 10_000, 3, 0, 3.5, T0));
        await().atMost(Duration.ofSeconds(10)).until(() -> !predictions.isEmpty());
        RiskBreach alert = predictions.getFirst();
        assertThat(alert.limitType()).isEqualTo("predicted_daily_loss");
        JsonNode p = risk.json("GET", "/risk/prediction/p1", null, 200);
        // the route uses the configured model (EWMA): sigma = EWMA volatility of the 60 returns x 35,000
        double[] r = new double[60];
        List<Bar> bars = ttrcBars("AAPL", 61);
        for (int i = 1; i <= 60; i++) {
            r[i - 1] = bars.get(i).close() / bars.get(i - 1).close() - 1;
        }
        // independent of core/quant: the EWMA as its explicit weighted sum, Phi from commons-math; tolerances:
        // 1e-6 currency on sigma, 1e-9 on the probability (both references agree with production to ~1e-15 relative)
        double sigma = Math.sqrt(ewmaVariance(r, 0.94)) * 35_000;
        assertThat(p.get("sigma").asDouble()).isCloseTo(sigma, within(1e-6));
        assertThat(alert.value()).isCloseTo(REFERENCE_NORMAL.cumulativeProbability(-100 / sigma), within(1e-9));
        assertThat(predictions).hasSize(1);
    }

    /**
     * The RiskMetrics variance forecast (lambda, zero mean, weights normalized over the sample) written out as its
     * weighted sum, sigma^2 = sum_i lambda^(T-1-i) r_i^2 / sum_i lambda^(T-1-i), rather than the recursion
     * production uses, as an independent reference.
     */
    private static double ewmaVariance(double[] r, double lambda) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < r.length; i++) {
            double w = Math.pow(lambda, r.length - 1 - i);
            num += w * r[i] * r[i];
            den += w;
        }
        return num / den;
    }

    private Map<String, JsonNode> evaluations() throws Exception {
        var out = new java.util.HashMap<String, JsonNode>();
        for (JsonNode e : risk.json("GET", "/risk/portfolios/p1", null, 200).get("evaluations")) {
            out.put(e.get("limit_id").asText(), e);
        }
        return out;
    }
}
