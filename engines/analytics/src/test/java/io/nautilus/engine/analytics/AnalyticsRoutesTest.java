package io.nautilus.engine.analytics;

import static io.nautilus.testkit.engine.EngineTestHost.json;
import static io.nautilus.testkit.engine.EngineTestHost.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.testkit.engine.EngineTestHost;
import io.nautilus.bus.local.LocalBus;
import java.nio.file.Files;
import java.util.Arrays;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stateless calculators and the symbol routes over HTTP, with a test responder for bar history. */
class AnalyticsRoutesTest {
    private static LocalBus bus;
    private static EngineTestHost host;
    private static EngineTestHost http;

    @BeforeAll
    static void start() throws Exception {
        bus = LocalBus.create();
        TestMarketData.respond(bus.forEngine("marketdata-test"));
        host = EngineTestHost.builder(new AnalyticsEngine()).bus(bus).dataDir(Files.createTempDirectory("analytics-routes")).start();
        http = host;
    }

    @AfterAll
    static void stop() {
        host.close();
        bus.close();
    }

    /* Same fixture as PerformanceCalculatorTest: total return 1.04853051446 - 1, win rate 0.5, VaR 0.03. */
    @Test
    void test_metrics_everyMetricWithConventions() throws Exception {
        JsonNode m = json(http.post("/analytics/metrics", "{\"returns\":[0.02,-0.01,0.03,-0.02,0.01,0.00,0.05,-0.03],"
                + "\"benchmark_returns\":[0.01,-0.02,0.02,0.01,-0.01,0.00,0.03,-0.01],\"periods_per_year\":12,"
                + "\"risk_free_rate\":0.0}"), 200);
        assertThat(m.get("total_return").asDouble()).isEqualTo(0.04853051446, within(1e-11));
        assertThat(m.get("win_rate").asDouble()).isEqualTo(0.5, within(1e-15));
        assertThat(m.get("value_at_risk").asDouble()).isEqualTo(0.03, within(1e-15));
        assertThat(m.get("up_capture").asDouble()).isEqualTo(8.0 / 7, within(1e-12));
        assertThat(m.get("max_drawdown").get("depth").asDouble()).isEqualTo(0.03, within(1e-12));
        assertThat(m.get("periods_per_year").asInt()).isEqualTo(12);
        assertThat(m.get("conventions").get("sharpe_ratio").asText()).contains("sqrt(12)");
        JsonNode alone = json(http.post("/analytics/metrics", "{\"returns\":[0.01,0.02,-0.01]}"), 200);
        assertThat(alone.get("beta").isNull()).isTrue();
        // trades +10 (held 5), +5 (held 3), -4 (held 2), +1 (held 10): holding (5 + 3 + 2 + 10) / 4 = 5,
        // profit factor 16 / 4 = 4, longest win run 2, loss run 1
        JsonNode t = json(http.post("/analytics/metrics", "{\"returns\":[0.01,0.02],\"trades\":["
                + "{\"pnl\":10,\"entry_time\":0,\"exit_time\":5},{\"pnl\":5,\"entry_time\":5,\"exit_time\":8},"
                + "{\"pnl\":-4,\"entry_time\":8,\"exit_time\":10},{\"pnl\":1,\"entry_time\":10,\"exit_time\":20}]}"),
                200).get("trade_statistics");
        assertThat(t.get("count").asInt()).isEqualTo(4);
        assertThat(t.get("average_holding_time").asDouble()).isEqualTo(5, within(1e-15));
        assertThat(t.get("profit_factor").asDouble()).isEqualTo(4, within(1e-15));
        assertThat(t.get("max_consecutive_wins").asInt()).isEqualTo(2);
        assertThat(t.get("max_consecutive_losses").asInt()).isEqualTo(1);
        problem(http.post("/analytics/metrics", "{\"returns\":[0.01,0.02],\"trades\":[{\"pnl\":1,"
                + "\"entry_time\":5,\"exit_time\":1}]}"), 400);
    }

    @Test
    void test_metrics_badInputIsProblemNamingTheField() throws Exception {
        assertThat(problem(http.post("/analytics/metrics", "{\"returns\" [0.01]}"), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(problem(http.post("/analytics/metrics", "{\"returns\": [0.01, NaN]}"), 400)
                .get("detail").asText()).contains("NaN");
        assertThat(problem(http.post("/analytics/metrics", "{\"periods_per_year\": 252}"), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("returns");
        assertThat(problem(http.post("/analytics/metrics", "{\"returns\": [0.01]}"), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("returns");
        assertThat(problem(http.post("/analytics/metrics", "{\"returns\":[0.01,0.02],\"benchmark_returns\":[0.01]}"),
                400).get("errors").get(0).get("field").asText()).isEqualTo("benchmark_returns");
        assertThat(problem(http.post("/analytics/metrics", "{\"returns\":[0.01,-1.5]}"), 400)
                .get("detail").asText()).contains("returns[1]");
        assertThat(problem(http.post("/analytics/metrics", "{\"returns\":[0.01,0.02],\"periods_per_year\":0}"), 400)
                .get("errors").get(0).get("field").asText()).isEqualTo("periods_per_year");
    }

    /*
     * Two periods, two sectors. Period 1: wp (0.6, 0.4), wb (0.5, 0.5), rp (0.10, 0.02), rb (0.08, 0.03):
     * Rp = 0.068, Rb = 0.055. Period 2: wp (0.3, 0.7), wb (0.5, 0.5), rp (-0.02, 0.05), rb (-0.01, 0.04):
     * Rp = 0.029, Rb = 0.015. Compounded: 1.068 * 1.029 - 1 = 0.098972, 1.055 * 1.015 - 1 = 0.070825;
     * the linked effects sum to 0.098972 - 0.070825 = 0.028147.
     */
    @Test
    void test_attribution_linkedEffectsSumToActiveReturn() throws Exception {
        String periods = "[{\"sectors\":[\"tech\",\"energy\"],\"portfolio_weights\":[0.6,0.4],"
                + "\"benchmark_weights\":[0.5,0.5],\"portfolio_returns\":[0.10,0.02],\"benchmark_returns\":[0.08,0.03]},"
                + "{\"sectors\":[\"tech\",\"energy\"],\"portfolio_weights\":[0.3,0.7],\"benchmark_weights\":[0.5,0.5],"
                + "\"portfolio_returns\":[-0.02,0.05],\"benchmark_returns\":[-0.01,0.04]}]";
        // wire names and their short aliases, in any case, '-' read as '_' (WireNames)
        var names = java.util.Map.of("brinson_fachler", "brinson_fachler", "bhb", "brinson_hood_beebower",
                "Brinson-Hood-Beebower", "brinson_hood_beebower", "BF", "brinson_fachler");
        for (var method : names.entrySet()) {
            JsonNode a = json(http.post("/analytics/attribution", "{\"method\":\"" + method.getKey()
                    + "\",\"periods\":" + periods + "}"), 200);
            assertThat(a.get("method").asText()).isEqualTo(method.getValue());
            JsonNode linked = a.get("linked");
            assertThat(linked.get("portfolio_return").asDouble()).isEqualTo(0.098972, within(1e-12));
            assertThat(linked.get("benchmark_return").asDouble()).isEqualTo(0.070825, within(1e-12));
            assertThat(linked.get("total_effect").asDouble()).isEqualTo(0.028147, within(1e-12));
            // period 1 selection: 0.5 * 0.02 + 0.5 * (-0.01) = 0.005
            assertThat(a.get("periods").get(0).get("selection").asDouble()).isEqualTo(0.005, within(1e-15));
        }
        JsonNode unknown = problem(http.post("/analytics/attribution", "{\"method\":\"x\",\"periods\":" + periods
                + "}"), 400).get("errors").get(0);
        assertThat(unknown.get("field").asText()).isEqualTo("method");
        assertThat(unknown.get("message").asText())
                .isEqualTo("must be one of [brinson_hood_beebower, brinson_fachler], got 'x' (or its short name bf, bhb)");
        assertThat(problem(http.post("/analytics/attribution", "{\"periods\":[{\"sectors\":[\"a\"],"
                + "\"portfolio_weights\":[0.9],\"benchmark_weights\":[1],\"portfolio_returns\":[0.1],"
                + "\"benchmark_returns\":[0.1]}]}"), 400).get("errors").get(0).get("field").asText())
                .isEqualTo("periods[0]");
    }

    /* Reference: the last 253 ttrc closes straight from the CSV; volatility by commons-math. */
    @Test
    void test_performanceMetrics_symbolFromBarHistory() throws Exception {
        double[] close = TestMarketData.closes("TTRC");
        double[] window = Arrays.copyOfRange(close, close.length - 253, close.length);
        double[] r = SharedDataFixture.simpleReturns(window);
        JsonNode m = json(http.get("/analytics/performance-metrics/TTRC?period_days=252"), 200);
        assertThat(m.get("period").asText()).isEqualTo("252d");
        assertThat(m.get("returns").get("total_return_pct").asDouble())
                .isEqualTo(100 * (window[252] / window[0] - 1), within(1e-9));
        assertThat(m.get("risk_metrics").get("volatility_pct").asDouble())
                .isEqualTo(100 * new StandardDeviation().evaluate(r) * Math.sqrt(252), within(1e-9));
        double wins = Arrays.stream(r).filter(x -> x > 0).count();
        assertThat(m.get("trading_metrics").get("win_rate_pct").asDouble()).isEqualTo(100 * wins / 252, within(1e-9));
        assertThat(m.get("trading_metrics").get("avg_win_pct").asDouble())
                .isEqualTo(100 * StatUtils.mean(Arrays.stream(r).filter(x -> x > 0).toArray()), within(1e-9));
    }

    /* DAX against FTSE on the same days: beta is the OLS slope (commons-math SimpleRegression). */
    @Test
    void test_performanceMetrics_betaAgainstBenchmark() throws Exception {
        double[] dax = TestMarketData.closes("DAX");
        double[] ftse = TestMarketData.closes("FTSE");
        double[] rd = SharedDataFixture.simpleReturns(Arrays.copyOfRange(dax, dax.length - 501, dax.length));
        double[] rf = SharedDataFixture.simpleReturns(Arrays.copyOfRange(ftse, ftse.length - 501, ftse.length));
        var ols = new SimpleRegression();
        for (int i = 0; i < rd.length; i++) {
            ols.addData(rf[i], rd[i]);
        }
        JsonNode m = json(http.get("/analytics/performance-metrics/DAX?period_days=500&benchmark=FTSE"), 200);
        assertThat(m.get("risk_metrics").get("beta").asDouble()).isEqualTo(ols.getSlope(), within(1e-10));
        assertThat(m.get("benchmark").asText()).isEqualTo("FTSE");
    }

    /*
     * Day one: YEAR has 252 daily bars (251 returns), one short of the default 252 returns. Without a period the
     * routes use the 251 and say so; asking for 252 is a 422 naming period_days. Reference: the 252 closes of the
     * CSV, total return close[n-1] / close[n-252] - 1.
     */
    @Test
    void test_symbolRoutes_defaultPeriodUsesTheHistoryThereIs() throws Exception {
        double[] close = TestMarketData.closes("TTRC");
        double expected = 100 * (close[close.length - 1] / close[close.length - 252] - 1);
        JsonNode m = json(http.get("/analytics/performance-metrics/YEAR"), 200);
        assertThat(m.get("returns_used").asInt()).isEqualTo(251);
        assertThat(m.get("period_days").asInt()).isEqualTo(251);
        assertThat(m.get("period").asText()).isEqualTo("251d");
        assertThat(m.get("period_note").asText()).contains("default is 252").contains("has 251");
        assertThat(m.get("returns").get("total_return_pct").asDouble()).isEqualTo(expected, within(1e-9));
        JsonNode asked = problem(http.get("/analytics/performance-metrics/YEAR?period_days=252"), 422);
        assertThat(asked.get("errors").get(0).get("field").asText()).isEqualTo("period_days");
        assertThat(asked.get("detail").asText()).contains("YEAR has 252 1d bar(s), 253 needed");

        JsonNode full = json(http.get("/analytics/performance-metrics/TTRC"), 200);
        assertThat(full.get("returns_used").asInt()).isEqualTo(252);
        assertThat(full.has("period_note")).isFalse();

        JsonNode p = json(http.post("/analytics/performance/P8", "{\"symbol\":\"YEAR\"}"), 200);
        assertThat(p.get("returns_used").asInt()).isEqualTo(251);
        assertThat(p.get("result").get("total_return_pct").asDouble()).isEqualTo(expected, within(1e-9));
        assertThat(problem(http.post("/analytics/performance/P8", "{\"symbol\":\"YEAR\",\"period_days\":252}"), 422)
                .get("errors").get(0).get("field").asText()).isEqualTo("period_days");
        JsonNode c = json(http.post("/analytics/calculate/P8", "{\"positions\":[{\"symbol\":\"YEAR\",\"quantity\":10}]}"),
                200);
        assertThat(c.get("returns_used").asInt()).isEqualTo(251);
        assertThat(c.get("result").get("total_return_pct").asDouble()).isEqualTo(expected, within(1e-9));
        assertThat(problem(http.post("/analytics/calculate/P8", "{\"positions\":[{\"symbol\":\"YEAR\",\"quantity\":10}],"
                + "\"period_days\":252}"), 422).get("errors").get(0).get("field").asText()).isEqualTo("period_days");
    }

    @Test
    void test_symbolRoutes_tooLittleHistoryIs422() throws Exception {
        assertThat(problem(http.get("/analytics/performance-metrics/SHORT?period_days=252"), 422).get("detail").asText())
                .contains("insufficient history").contains("SHORT has 10");
        problem(http.get("/analytics/performance-metrics/NOBARS"), 422);
        problem(http.get("/analytics/technical-indicators/SHORT"), 422);
        problem(http.get("/analytics/performance-metrics/TTRC?period_days=x"), 400);
        problem(http.get("/analytics/performance-metrics/TTRC?period_days=1"), 400);
        problem(http.get("/analytics/market-data/NOBARS"), 404);
        problem(http.post("/analytics/calculate/UNKNOWN", "{\"positions\": []}"), 422);
        problem(http.post("/analytics/calculate/X", "{\"positions\": [{\"symbol\": \"TTRC\"}]}"), 400);
    }

    @Test
    void test_technicalIndicators_fromBars() throws Exception {
        double[] close = TestMarketData.closes("TTRC");
        JsonNode m = json(http.get("/analytics/technical-indicators/TTRC"), 200);
        assertThat(m.get("bars_used").asInt()).isEqualTo(250);
        assertThat(m.get("indicators").get("sma_20").asDouble())
                .isEqualTo(StatUtils.mean(Arrays.copyOfRange(close, close.length - 20, close.length)), within(1e-10));
        JsonNode md = json(http.get("/analytics/market-data/TTRC?limit=5"), 200);
        assertThat(md.get("count").asInt()).isEqualTo(5);
        assertThat(md.get("last_close").asDouble()).isEqualTo(close[close.length - 1]);
        // symbols are upper-case everywhere, as Market Data keeps them: "ttrc" is TTRC
        JsonNode lower = json(http.get("/analytics/market-data/ttrc?limit=5"), 200);
        assertThat(lower.get("symbol").asText()).isEqualTo("TTRC");
        assertThat(lower.get("last_close").asDouble()).isEqualTo(close[close.length - 1]);
    }

    /* One holding of 10 TTRC: the basket's returns are TTRC's, so total return = close[n-1] / close[n-253] - 1. */
    @Test
    void test_calculate_inlinePositionsBuyAndHold() throws Exception {
        double[] close = TestMarketData.closes("TTRC");
        double expected = 100 * (close[close.length - 1] / close[close.length - 253] - 1);
        JsonNode c = json(http.post("/analytics/calculate/P9", "{\"positions\":[{\"symbol\":\"TTRC\",\"quantity\":10}]}"),
                200);
        assertThat(c.get("result").get("total_return_pct").asDouble()).isEqualTo(expected, within(1e-9));
        assertThat(c.get("positions").get(0).get("weight").asDouble()).isEqualTo(1, within(1e-15));
        JsonNode p = json(http.post("/analytics/performance/P9", "{\"symbol\":\"TTRC\",\"period_days\":252}"), 200);
        assertThat(p.get("status").asText()).isEqualTo("completed");
        assertThat(p.get("result").get("total_return_pct").asDouble()).isEqualTo(expected, within(1e-9));
    }

    @Test
    void test_fileSafe_keepsPlainIdsAndReplacesHeaderBreakingCharacters() {
        assertThat(AnalyticsRoutes.fileSafe("growth-2026_v1.2")).isEqualTo("growth-2026_v1.2");
        assertThat(AnalyticsRoutes.fileSafe("a\"b\r\nSet-Cookie: x/../y")).isEqualTo("a_b__Set-Cookie__x_.._y");
    }
}
