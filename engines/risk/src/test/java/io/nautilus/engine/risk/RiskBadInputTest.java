package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on the risk routes: a 400 problem naming the field, and nothing it would have changed is changed
 * (no control switched off, no global limit created, no id registered, no throttle budget used).
 */
class RiskBadInputTest extends RiskHttpTestBase {

    private JsonNode problem(String method, String path, String body) throws Exception {
        HttpResponse<String> r = risk.send(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return Json.mapper().readTree(r.body());
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Infinity\"", "1e400", "\"NaN\"", "-1e400"})
    void test_controls_nonFiniteNumberIsRefusedAndTheControlStaysOn(String value) throws Exception {
        risk.json("PUT", "/risk/controls/p1", "{\"max_quantity\":500}", 200);
        JsonNode p = problem("PUT", "/risk/controls/p1", "{\"max_quantity\":" + value + "}");
        assertThat(field(p)).isEqualTo("max_quantity");
        assertThat(risk.json("GET", "/risk/controls/p1", null, 200).get("max_quantity").asDouble()).isEqualTo(500.0);
    }

    @Test
    void test_limits_misspeltPortfolioIdIsRefusedNotAGlobalLimit() throws Exception {
        JsonNode p = problem("POST", "/risk/limits", "{\"limit_id\":\"lev\",\"limit_type\":\"leverage\","
                + "\"limit_value\":2,\"portfolio_idd\":\"p1\"}");
        assertThat(field(p)).isEqualTo("portfolio_idd");
        assertThat(risk.json("GET", "/risk/limits", null, 200).get("count").asInt()).isZero();
    }

    @Test
    void test_ids_longOrUnprintableIdsAreRefusedWithABoundedEcho() throws Exception {
        String longId = "p".repeat(100_000);
        JsonNode p = problem("POST", "/risk/limits", "{\"limit_id\":\"x\",\"limit_type\":\"leverage\","
                + "\"limit_value\":2,\"portfolio_id\":\"" + longId + "\"}");
        assertThat(field(p)).isEqualTo("portfolio_id");
        assertThat(p.toString().length()).isLessThan(2_000);
        assertThat(field(problem("POST", "/risk/limits", "{\"limit_id\":\"x\",\"limit_type\":\"sector_exposure\","
                + "\"limit_value\":0.4,\"sector\":\"Te\\u0000ch\"}"))).isEqualTo("sector");
        assertThat(field(problem("PUT", "/risk/controls/" + "q".repeat(65), "{\"max_quantity\":5}")))
                .isEqualTo("portfolio_id");
        assertThat(field(problem("POST", "/risk/pretrade", "{\"portfolio_id\":\"p 1\",\"symbol\":\"AAPL\","
                + "\"side\":\"buy\",\"quantity\":1}"))).isEqualTo("portfolio_id");
        assertThat(field(problem("POST", "/risk/pretrade", "{\"portfolio_id\":\"p1\",\"symbol\":\"AAPL\","
                + "\"side\":\"buy\",\"quantity\":1,\"strategy_id\":\"" + longId + "\"}"))).isEqualTo("strategy_id");
        assertThat(field(problem("POST", "/risk/trading-state/p1", "{\"state\":\"halted\",\"reason\":\"a\\nb\"}")))
                .isEqualTo("reason");
        assertThat(field(problem("POST", "/risk/reference", "{\"symbol\":\"AAPL\",\"adv\":1e400}"))).isEqualTo("adv");
        assertThat(risk.json("GET", "/risk/trading-state", null, 200).get("states").size()).isZero();
    }

    @Test
    void test_checks_unknownFieldsRefusedOnEveryBodyRoute() throws Exception {
        assertThat(field(problem("POST", "/risk/check/p1", "{\"positions\":[],\"positionz\":[]}")))
                .isEqualTo("positionz");
        assertThat(field(problem("POST", "/risk/reference", "{\"symbols\":[{\"symbol\":\"AAPL\",\"advv\":5}]}")))
                .isEqualTo("symbols[0].advv");
        assertThat(field(problem("POST", "/risk/var", "{\"returns\":[[0.01]],\"weights\":[1],\"confidenc\":0.9}")))
                .isEqualTo("confidenc");
    }

    @Test
    void test_dryRuns_registerNothing() throws Exception {
        risk.book("p1", 1_000_000);
        for (int i = 0; i < 20; i++) {
            risk.json("POST", "/risk/pretrade", "{\"portfolio_id\":\"dry" + i + "\",\"symbol\":\"AAPL\",\"side\":\"buy\","
                    + "\"quantity\":1}", 200);
            risk.send("POST", "/risk/check/dry" + i, "{\"positions\":[]}");
            risk.json("POST", "/risk/check/dry" + i, "{\"quantity\":1,\"market_value\":100}", 200);
        }
        assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("portfolios").asInt()).isEqualTo(1);
        assertThat(risk.json("GET", "/health", null, 200).get("portfolios").asInt()).isEqualTo(1);
    }
}
