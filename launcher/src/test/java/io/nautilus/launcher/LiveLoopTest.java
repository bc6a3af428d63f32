package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.RiskDecision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live loop of the all-in-one platform: simulated prices from Market Data feed Features; an order posted to
 * Portfolio passes Risk, fills at the simulated ask, and Analytics reports its P&amp;L — engines talking only over
 * the bus.
 */
class LiveLoopTest {

    private static JsonNode send(HttpClient client, String method, String url, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        var r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s -> %s", method, url, r.body()).isBetween(200, 299);
        return Json.mapper().readTree(r.body());
    }

    @Test
    void test_orderFlowsFromPortfolioThroughRiskToFillAndPnl(@TempDir Path dir) throws Exception {
        var config = EngineConfig.empty()
                .with("marketdata.simulator.symbols", "AAPL,MSFT")
                .with("marketdata.simulator.backfill-days", "30")
                .with("analytics.pnl.publish_interval_ms", "100");
        try (Nautilus n = Nautilus.builder()
                .engines(EngineId.MARKETDATA, EngineId.FEATURES, EngineId.RISK, EngineId.PORTFOLIO, EngineId.ANALYTICS)
                .ephemeralPorts(true).dataDir(dir.toString()).config(config).start();
             HttpClient client = HttpClient.newHttpClient()) {
            var decisions = new CopyOnWriteArrayList<RiskDecision>();
            var fills = new CopyOnWriteArrayList<Fill>();
            var pnl = new CopyOnWriteArrayList<PnlUpdate>();
            n.bus().subscribe("order.approved", RiskDecision.class, (d, m) -> decisions.add(d));
            n.bus().subscribe("fill.>", Fill.class, (f, m) -> fills.add(f));
            n.bus().subscribe("pnl.>", PnlUpdate.class, (p, m) -> pnl.add(p));

            String portfolio = "http://127.0.0.1:" + n.port(EngineId.PORTFOLIO);
            String pf = send(client, "POST", portfolio + "/portfolios",
                    "{\"portfolio_name\":\"loop\",\"initial_value\":1000000,\"cash_balance\":1000000}").get("portfolio_id").asText();
            // wait until the simulator has quoted AAPL so that the order has a price to fill at
            String md = "http://127.0.0.1:" + n.port(EngineId.MARKETDATA);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> send(client, "GET", md + "/quotes/AAPL", null).path("quote").has("ask"));
            send(client, "POST", portfolio + "/portfolios/" + pf + "/orders",
                    "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":100,\"order_type\":\"market\"}");

            await().atMost(Duration.ofSeconds(30)).until(() -> !fills.isEmpty());
            Fill fill = fills.getFirst();
            assertThat(fill.portfolioId()).isEqualTo(pf);
            assertThat(fill.symbol()).isEqualTo("AAPL");
            assertThat(fill.quantity()).isEqualTo(100.0);
            assertThat(decisions).anyMatch(d -> d.intent().orderId().equals(fill.orderId()) && d.approved());

            // Analytics keeps its own view of the position from the bus: equity = cash + position, fees = the fill's
            await().atMost(Duration.ofSeconds(30)).until(() -> pnl.stream().anyMatch(p -> p.portfolioId().equals(pf)));
            JsonNode view = send(client, "GET", "http://127.0.0.1:" + n.port(EngineId.ANALYTICS) + "/analytics/pnl/" + pf, null);
            assertThat(view.get("fees").asDouble()).isCloseTo(fill.commission(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(view.get("realized").asDouble()).isZero();

            // Features computed vectors from the simulator's daily bars (its backfill runs at start)
            String fe = "http://127.0.0.1:" + n.port(EngineId.FEATURES);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> send(client, "GET", fe + "/features/AAPL/latest", null).path("intervals").path("1d")
                            .path("count").asInt() > 10);
        }
    }
}
