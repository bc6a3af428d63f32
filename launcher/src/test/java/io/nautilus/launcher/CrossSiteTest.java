package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.Json;
import io.nautilus.testkit.RawHttp;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-site attack of issue 13 on the running platform: with no token (the loopback default), a web page's
 * {@code text/plain} POST with its own {@code Origin} placed an order. Now it is refused, as is a page reached
 * through a rebound DNS name, while curl-like clients and the engine's own origin still trade.
 */
class CrossSiteTest {
    private static final String ORDER = "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":10,\"order_type\":\"market\"}";

    @Test
    void test_orders_foreignPagesRefusedOwnOriginAndScriptsAccepted(@TempDir Path dir) throws Exception {
        var config = EngineConfig.empty().with("marketdata.simulator.symbols", "AAPL")
                .with("marketdata.simulator.backfill-days", "5")
                .with("http.allowed_origins", "https://desk.example");
        try (Nautilus n = Nautilus.builder().engines(EngineId.MARKETDATA, EngineId.RISK, EngineId.PORTFOLIO)
                .ephemeralPorts(true).dataDir(dir.toString()).config(config).start()) {
            int port = n.port(EngineId.PORTFOLIO);
            var created = RawHttp.send(port, "POST", "/portfolios", "{\"portfolio_name\":\"x\",\"initial_value\":100000}",
                    "Content-Type: application/json");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String pf = Json.mapper().readTree(created.body()).get("portfolio_id").asText();
            String orders = "/portfolios/" + pf + "/orders";

            // the attack as reported: a page's text/plain POST with its own Origin
            assertProblem(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: text/plain;charset=UTF-8",
                    "Origin: https://evil.example"), 403, "Origin");
            assertProblem(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: application/json",
                    "Origin: https://evil.example"), 403, "Origin");
            assertProblem(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: application/x-www-form-urlencoded",
                    "Referer: https://evil.example/a.html"), 403, "Referer");
            // without an Origin, only JSON is taken
            assertProblem(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: text/plain"), 415, "Content-Type");
            // DNS rebinding: the page's own name pointed at 127.0.0.1, so Origin and Host agree
            assertProblem(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: application/json",
                    "Host: evil.example:" + port, "Origin: http://evil.example:" + port), 421, "Host");
            assertProblem(RawHttp.send(port, "GET", "/portfolios/" + pf, null, "Host: evil.example:" + port), 421, "Host");
            assertThat(count(port, orders)).isZero();

            // curl, the engine's own origin (localhost or 127.0.0.1) and an allowed origin trade
            assertThat(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: application/json").status()).isEqualTo(202);
            assertThat(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: application/json",
                    "Origin: http://127.0.0.1:" + port).status()).isEqualTo(202);
            assertThat(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: application/json",
                    "Host: localhost:" + port, "Origin: http://localhost:" + port).status()).isEqualTo(202);
            assertThat(RawHttp.send(port, "POST", orders, ORDER, "Content-Type: application/json",
                    "Origin: https://desk.example").status()).isEqualTo(202);
            assertThat(count(port, orders)).isEqualTo(4);
        }
    }

    private static int count(int port, String orders) throws Exception {
        var r = RawHttp.send(port, "GET", orders, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body()).get("count").asInt();
    }

    private static void assertProblem(RawHttp.Response r, int status, String field) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
}
