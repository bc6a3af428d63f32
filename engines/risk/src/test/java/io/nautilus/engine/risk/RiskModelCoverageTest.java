package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every held symbol is in the risk model: a symbol joins it as soon as its daily history arrives (asked for on
 * first sight, retried after a failed request), the model is rebuilt at once rather than on the slow timer
 * ({@code risk.model.rebuild_seconds} is 60 here), and until then a VaR limit rejects orders naming the symbol.
 * Expected VaR: delta-normal {@code z_0.99 sqrt(m' S m)} with S the EWMA (lambda 0.94, zero mean) covariance of
 * the 60 daily returns, written out as its weighted sum, and z from commons-math.
 */
class RiskModelCoverageTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;
    private static final String[] SYMBOLS = {"AAPL", "GOOGL", "NVDA"};
    private static final double Z99 = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
            .inverseCumulativeProbability(0.99);

    @TempDir
    Path dir;

    /** 61 daily closes per symbol: DAX, SMI and CAC of eu_stock_markets rebased to 100, on the same days. */
    private static Map<String, List<Bar>> bars() {
        double[][] r = SharedData.euStockReturns(61);
        var out = new java.util.HashMap<String, List<Bar>>();
        for (int j = 0; j < 3; j++) {
            var list = new ArrayList<Bar>();
            double c = 100;
            for (int t = 0; t <= r.length; t++) {
                if (t > 0) {
                    c *= 1 + r[t - 1][j];
                }
                list.add(new Bar(SYMBOLS[j], "1d", T0 + t * DAY, T0 + (t + 1) * DAY, c, c, c, c, 1_000, c, 1));
            }
            out.put(SYMBOLS[j], list);
        }
        return out;
    }

    /** Delta-normal 99% one-day VaR of market values {@code mv} (by symbol index), EWMA covariance written out. */
    private static double var(Map<String, List<Bar>> bars, double[] mv) {
        int n = bars.get("AAPL").size() - 1;
        double[][] ret = new double[3][n];
        for (int j = 0; j < 3; j++) {
            List<Bar> b = bars.get(SYMBOLS[j]);
            for (int t = 1; t <= n; t++) {
                ret[j][t - 1] = b.get(t).close() / b.get(t - 1).close() - 1;
            }
        }
        double variance = 0;
        double weights = 0;
        for (int t = 0; t < n; t++) {
            weights += Math.pow(0.94, n - 1 - t);
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double cov = 0;
                for (int t = 0; t < n; t++) {
                    cov += Math.pow(0.94, n - 1 - t) * ret[a][t] * ret[b][t];
                }
                variance += mv[a] * mv[b] * cov / weights;
            }
        }
        return Z99 * Math.sqrt(variance);
    }

    private static double last(Map<String, List<Bar>> bars, String symbol) {
        return bars.get(symbol).getLast().close();
    }

    @Test
    void test_var_everySymbolCoveredAsSoonAsItsHistoryArrives() throws Exception {
        Map<String, List<Bar>> bars = bars();
        double pa = last(bars, "AAPL");
        double pg = last(bars, "GOOGL");
        double pn = last(bars, "NVDA");
        double qa = 1_000;
        double qg = 400;
        double varA = var(bars, new double[] {qa * pa, 0, 0});
        double varAg = var(bars, new double[] {qa * pa, qg * pg, 0});
        double limit = varAg * 1.5;
        // the orders that breach through the 2nd and 3rd symbol, and a small one that does not
        double bigG = 4_000;
        double bigN = 4_000;
        double varAfterG = var(bars, new double[] {qa * pa, (qg + bigG) * pg, 0});
        double varAfterN = var(bars, new double[] {qa * pa, qg * pg, bigN * pn});
        double varAfterSmallN = var(bars, new double[] {qa * pa, qg * pg, 10 * pn});
        assertThat(varAfterG).isGreaterThan(limit);
        assertThat(varAfterN).isGreaterThan(limit);
        assertThat(varAfterSmallN).isLessThan(limit * 0.8);

        var requests = new ConcurrentHashMap<String, AtomicInteger>();
        try (LocalBus bus = LocalBus.create()) {
            // the Market Data engine: NVDA's first request fails, then it answers
            bus.forEngine("marketdata").respond(BarHistoryRequest.TOPIC, BarHistoryRequest.class, q -> {
                int n = requests.computeIfAbsent(q.symbol(), s -> new AtomicInteger()).incrementAndGet();
                if (q.symbol().equals("NVDA") && n == 1) {
                    throw new IllegalStateException("market data not ready");
                }
                return new BarHistory(q.symbol(), q.interval(), bars.get(q.symbol()));
            });
            var decisions = new CopyOnWriteArrayList<RiskDecision>();
            bus.forEngine("orders").subscribe(Topics.ORDER_APPROVED, RiskDecision.class, (d, m) -> decisions.add(d));
            bus.forEngine("orders").subscribe(Topics.ORDER_REJECTED, RiskDecision.class, (d, m) -> decisions.add(d));
            try (RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig().with("risk.history.request", "true")
                    .with("risk.model.rebuild_seconds", "60"))) {
                risk.json("POST", "/risk/limits", "{\"limit_id\":\"var\",\"limit_type\":\"var_limit\",\"limit_value\":"
                        + limit + ",\"portfolio_id\":\"p1\"}", 201);
                risk.position(new PositionUpdate("p1", "AAPL", qa, pa, 0, pa, T0 + 61 * DAY));
                await().untilAsserted(() -> assertThat(varValue(risk)).isCloseTo(varA, within(1e-6 * varA)));
                // the second symbol joins the model when its history arrives, not at the next 60 s rebuild
                risk.position(new PositionUpdate("p1", "GOOGL", qg, pg, 0, pg, T0 + 61 * DAY + 1));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(varValue(risk)).isCloseTo(varAg, within(1e-6 * varAg)));
                RiskDecision g = decide(bus, decisions, order("g", "GOOGL", bigG));
                assertThat(g.reasons()).containsExactly("LIMIT_BREACH:var_limit:var");

                // NVDA, never seen (priced by a quote): its VaR cannot be measured, so the order is rejected naming it
                bus.forEngine("md").publish(Topics.quote("NVDA"), new io.nautilus.core.model.Quote("NVDA", pn, pn, 1, 1,
                        T0 + 61 * DAY));
                RiskDecision n1 = decide(bus, decisions, order("n1", "NVDA", 10));
                assertThat(n1.approved()).isFalse();
                assertThat(n1.reasons()).containsExactly("NO_HISTORY:var_limit:var:NVDA");
                // its first history request failed; the retry brings it into the model
                await().atMost(Duration.ofSeconds(10)).until(() -> risk.json("GET", "/health", null, 200)
                        .get("symbols_waiting_for_history").asInt() == 0 && requests.get("NVDA").get() >= 2);
                assertThat(risk.json("GET", "/health", null, 200).get("history_requests_failed").asInt()).isEqualTo(1);
                await().untilAsserted(() -> assertThat(decide(bus, decisions, order("n-" + System.nanoTime(), "NVDA",
                        10)).reasons()).isEmpty());
                RiskDecision n2 = decide(bus, decisions, order("n2", "NVDA", bigN));
                assertThat(n2.reasons()).containsExactly("LIMIT_BREACH:var_limit:var");
                JsonNode pre = risk.json("POST", "/risk/pretrade", "{\"portfolio_id\":\"p1\",\"symbol\":\"NVDA\","
                        + "\"side\":\"buy\",\"quantity\":10}", 200);
                assertThat(pre.get("approved").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void test_health_countsHeldSymbolsWaitingForHistory() throws Exception {
        try (LocalBus bus = LocalBus.create()) {
            // the Market Data engine has no history of XYZ yet: every request fails
            bus.forEngine("marketdata").respond(BarHistoryRequest.TOPIC, BarHistoryRequest.class, q -> {
                throw new IllegalStateException("no history of " + q.symbol());
            });
            try (RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig().with("risk.history.request", "true"))) {
                risk.position("p1", "XYZ", 10, 5, T0);
                await().untilAsserted(() -> {
                    JsonNode h = risk.json("GET", "/health", null, 200);
                    assertThat(h.get("symbols_waiting_for_history").asInt()).isEqualTo(1);
                    assertThat(h.get("symbols_waiting").get(0).asText()).isEqualTo("XYZ");
                    assertThat(h.get("history_requests_failed").asInt()).isGreaterThanOrEqualTo(1);
                });
            }
        }
    }

    private static OrderIntent order(String id, String symbol, double qty) {
        return new OrderIntent(id, "p1", "s1", symbol, Side.BUY, qty, OrderType.MARKET, Double.NaN, false, T0);
    }

    private static RiskDecision decide(LocalBus bus, List<RiskDecision> decisions, OrderIntent o) {
        bus.forEngine("strategy").publish(Topics.ORDER_INTENT, o);
        await().until(() -> decisions.stream().anyMatch(d -> d.intent().orderId().equals(o.orderId())));
        return decisions.stream().filter(d -> d.intent().orderId().equals(o.orderId())).findFirst().orElseThrow();
    }

    private static double varValue(RiskHost risk) throws Exception {
        for (JsonNode e : risk.json("GET", "/risk/portfolios/p1", null, 200).get("evaluations")) {
            if (e.get("limit_id").asText().equals("var")) {
                return e.get("value").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }
}
