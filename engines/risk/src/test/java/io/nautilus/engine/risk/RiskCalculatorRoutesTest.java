package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Topics;

import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Stateless calculators, portfolio VaR, predictions and reports over HTTP. */
class RiskCalculatorRoutesTest extends RiskHttpTestBase {
    private static final double[][] R = SharedData.euStockReturns(251);

    @Test
    void test_var_statelessMatchesHandComputedHistorical() throws Exception {
        String body = "{\"returns\":" + Json.mapper().writeValueAsString(R)
                + ",\"market_values\":[1000000,500000,-300000,800000],\"confidence\":0.99,\"horizon_days\":1,"
                + "\"method\":\"historical\"}";
        JsonNode r = risk.json("POST", "/risk/var", body, 200);
        // hand-computed in VarModelsTest (numpy): 3rd worst P&L of 250
        assertThat(r.get("var").asDouble()).isCloseTo(23694.75603966138, within(1e-6));
        assertThat(r.get("expected_shortfall").asDouble()).isCloseTo(62122.14729630498, within(1e-6));
        assertThat(r.get("component_var")).hasSize(4);
        assertThat(r.get("method").asText()).isEqualTo("historical");
        // weights x portfolio_value give the same exposures
        String weights = "{\"returns\":" + Json.mapper().writeValueAsString(R)
                + ",\"weights\":[0.5,0.25,-0.15,0.4],\"portfolio_value\":2000000,\"method\":\"parametric\"}";
        assertThat(risk.json("POST", "/risk/var", weights, 200).get("var").asDouble())
                .isCloseTo(34875.95059768908, within(1e-6));
    }

    @Test
    void test_var_badBodiesAre400() throws Exception {
        String returns = Json.mapper().writeValueAsString(R);
        for (String[] c : new String[][] {
                {"{\"market_values\":[1]}", "returns"},
                {"{\"returns\":" + returns + "}", "weights"},
                {"{\"returns\":" + returns + ",\"weights\":[1,2]}", "weights"},
                {"{\"returns\":[[0.1,0.2],[0.1]],\"weights\":[1,1]}", "returns[1]"},
                {"{\"returns\":" + returns + ",\"weights\":[1,1,1,1],\"confidence\":1.5}", "confidence"},
                {"{\"returns\":" + returns + ",\"weights\":[1,1,1,1],\"method\":\"magic\"}", "method"},
                {"{\"returns\":" + returns + ",\"weights\":[1,1,1,1],\"horizon_days\":0}", "horizon_days"}}) {
            HttpResponse<String> r = risk.send("POST", "/risk/var", c[0]);
            assertThat(r.statusCode()).as(c[1]).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).get("errors").get(0).get("field").asText()).isEqualTo(c[1]);
        }
    }

    @Test
    void test_var_confidenceIsTheOpenInterval() throws Exception {
        String prefix = "{\"returns\":" + Json.mapper().writeValueAsString(R)
                + ",\"market_values\":[1000000,500000,-300000,800000],\"method\":\"historical\",\"confidence\":";
        // both ends are excluded, as VarInputs requires: 400 naming confidence, not a 500 from the calculator
        for (String bad : new String[] {"0.5", "1.0", "1", "0.4999", "1.0001"}) {
            HttpResponse<String> r = risk.send("POST", "/risk/var", prefix + bad + "}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode error = Json.mapper().readTree(r.body()).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("confidence");
            assertThat(error.get("message").asText()).contains("(0.5, 1)");
            HttpResponse<String> q = risk.send("GET", "/risk/var/p1?confidence=" + bad, null);
            assertThat(q.statusCode()).as("GET " + bad).isEqualTo(400);
            assertThat(Json.mapper().readTree(q.body()).get("errors").get(0).get("field").asText()).isEqualTo("confidence");
        }
        // just inside: type-1 quantile of the 250 P&Ls R[t] . mv, worked out here: the k-th worst with
        // k = ceil(250 x (1 - c)): c = 0.999 -> k = 1 (the worst), c = 0.5001 -> k = ceil(124.975) = 125
        double[] mv = {1000000, 500000, -300000, 800000};
        double[] pnl = new double[R.length];
        for (int t = 0; t < R.length; t++) {
            for (int j = 0; j < mv.length; j++) {
                pnl[t] += R[t][j] * mv[j];
            }
        }
        Arrays.sort(pnl);
        assertThat(pnl).hasSize(250);
        JsonNode high = risk.json("POST", "/risk/var", prefix + "0.999}", 200);
        JsonNode low = risk.json("POST", "/risk/var", prefix + "0.5001}", 200);
        assertThat(high.get("confidence").asDouble()).isEqualTo(0.999);
        assertThat(high.get("var").asDouble()).isCloseTo(-pnl[0], within(1e-6));
        assertThat(low.get("confidence").asDouble()).isEqualTo(0.5001);
        assertThat(low.get("var").asDouble()).isCloseTo(-pnl[124], within(1e-6));
    }

    @Test
    void test_forecast_garchOnDem2gbpAndEwma() throws Exception {
        String body = "{\"returns\":" + Json.mapper().writeValueAsString(SharedData.dem2gbp())
                + ",\"model\":\"garch\",\"horizon_days\":5}";
        JsonNode g = risk.json("POST", "/risk/volatility/forecast", body, 200);
        // Bollerslev-Ghysels / McCullough-Renfro published estimates
        assertThat(g.get("parameters").get("alpha").asDouble()).isCloseTo(0.1531, within(0.001));
        assertThat(g.get("parameters").get("beta").asDouble()).isCloseTo(0.8060, within(0.001));
        assertThat(g.get("log_likelihood").asDouble()).isCloseTo(-1106.608, within(0.01));
        assertThat(g.get("forecast_variance")).hasSize(5);
        JsonNode e = risk.json("POST", "/risk/volatility/forecast",
                "{\"returns\":[0.01,-0.02,0.015],\"model\":\"ewma\",\"horizon_days\":2}", 200);
        // hand recursion in VolatilityForecasterTest
        assertThat(e.get("forecast_variance").get(1).asDouble()).isCloseTo(2.441422297775889e-4, within(1e-15));
        assertThat(e.get("parameters").get("lambda").asDouble()).isEqualTo(0.94);
        assertThat(risk.send("POST", "/risk/volatility/forecast", "{\"returns\":[0.1,0.2,0.3],\"model\":\"garch\"}")
                .statusCode()).isEqualTo(400);
        assertThat(risk.send("POST", "/risk/volatility/forecast", "{\"returns\":[0.1,0.2],\"model\":\"arch\"}")
                .statusCode()).isEqualTo(400);
    }

    private void portfolioWithHistory() throws Exception {
        var test = bus.forEngine("test");
        String[] syms = {"DAX", "SMI", "CAC", "FTSE"};
        double[][] closes = new double[R.length + 1][4];
        Arrays.fill(closes[0], 100.0);
        for (int t = 0; t < R.length; t++) {
            for (int j = 0; j < 4; j++) {
                closes[t + 1][j] = closes[t][j] * (1 + R[t][j]);
            }
        }
        long t0 = 1_600_000_000_000_000_000L;
        long day = 86_400_000_000_000L;
        for (int t = 0; t < closes.length; t++) {
            for (int j = 0; j < 4; j++) {
                double c = closes[t][j];
                test.publish(Topics.bar("1d", syms[j]), new Bar(syms[j], "1d", t0 + t * day, t0 + (t + 1) * day, c, c, c,
                        c, 1000, c, 1));
            }
        }
        double[] mv = {1e6, 5e5, -3e5, 8e5};
        for (int j = 0; j < 4; j++) {
            double px = closes[R.length][j];
            risk.position(new PositionUpdate("p1", syms[j], mv[j] / px, px, 0, px, t0 + 300 * day));
        }
        await().until(() -> risk.send("GET", "/risk/var/p1?method=historical", null).statusCode() == 200);
    }

    @Test
    void test_portfolioVar_sameAsStatelessOnTheSameHistory() throws Exception {
        portfolioWithHistory();
        JsonNode r = risk.json("GET", "/risk/var/p1?method=historical&confidence=0.99", null, 200);
        // the positions are the hand-computed exposures in column order CAC, DAX, FTSE, SMI (sorted symbols)
        assertThat(r.get("var").asDouble()).isCloseTo(23694.75603966138, within(1e-4));
        assertThat(r.get("symbols").get(0).asText()).isEqualTo("CAC");
        assertThat(risk.send("GET", "/risk/var/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void test_report_jsonCsvHtml() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"loss\",\"limit_type\":\"daily_loss\",\"limit_value\":50000}", 201);
        portfolioWithHistory();
        JsonNode json = risk.json("GET", "/risk/report/p1?format=json", null, 200);
        assertThat(json.get("sections").get("summary").get(0).get("positions").asInt()).isEqualTo(4);
        assertThat(json.get("sections").get("var")).hasSize(10);
        assertThat(json.get("sections").get("breach_prediction").get(0).get("limit_id").asText()).isEqualTo("loss");
        // 250 returns: a 250-day backtest window leaves no test days
        assertThat(json.get("notes").toString()).contains("backtest");
        HttpResponse<String> csv = risk.send("GET", "/risk/report/p1?format=csv", null);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("section,method,confidence,horizon_days,var,expected_shortfall,scenarios");
        HttpResponse<String> html = risk.send("GET", "/risk/report/p1?format=html", null);
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<h2>limits</h2>");
        assertThat(risk.send("GET", "/risk/report/p1?format=pdf", null).statusCode()).isEqualTo(400);
        JsonNode prediction = risk.json("GET", "/risk/prediction/p1", null, 200);
        // tomorrow's P&L sigma: GARCH(1,1) one-step forecast of the portfolio returns (P&L / gross) times gross;
        // P(loss > 50,000) = Phi(-50,000 / sigma)
        double[] m = {-3e5, 1e6, 8e5, 5e5};
        double[] pr = new double[R.length];
        for (int t = 0; t < R.length; t++) {
            pr[t] = (m[0] * R[t][2] + m[1] * R[t][0] + m[2] * R[t][3] + m[3] * R[t][1]) / 2.6e6;
        }
        double sigma = Math.sqrt(io.nautilus.engine.risk.predict.VolatilityForecaster.garch(pr, 1).nextVariance()) * 2.6e6;
        assertThat(prediction.get("model").asText()).isEqualTo("garch");
        assertThat(prediction.get("sigma").asDouble()).isCloseTo(sigma, within(1e-3));
        assertThat(prediction.get("limits").get(0).get("probability").asDouble()).isCloseTo(
                new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(-50_000 / sigma),
                within(1e-9));
    }
}
