package io.nautilus.launcher;

import static io.nautilus.launcher.NautilusProcess.http;
import static io.nautilus.launcher.NautilusProcess.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The live loop across a restart of the real process (SIGTERM and {@code kill -9}): portfolios of 100k, 1M and 50M
 * hold the same book in Portfolio, Risk and Analytics before and after, the simulator goes on from its last
 * prices, and an order that breaks a leverage limit is rejected right after the restart (issue 13).
 *
 * <p>The reference for every comparison is the Portfolio engine's own book (cash and quantities, exact): Risk and
 * Analytics each report equity and the market value of the positions at their own marks, so equity minus market
 * value must be the Portfolio's cash to the cent whatever the marks, and the quantities must match exactly.
 */
class LoopRestartIT {
    /** Capital of each portfolio and its AAPL/MSFT buys (about 22% and 20% of capital: leverage ~0.43). */
    private record Book(String id, double capital, int aapl, int msft) {
    }

    private static final List<Book> BOOKS = List.of(new Book("cap-100k", 100_000, 100, 50),
            new Book("cap-1m", 1_000_000, 1_000, 500), new Book("cap-50m", 50_000_000, 50_000, 25_000));

    enum Stop { SIGTERM, SIGKILL }

    /** Cash and signed quantities of one portfolio as the Portfolio engine holds them. */
    private record Held(double cash, Map<String, Double> quantities) {
    }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void test_restart_keepsTheLoopsViewOfEveryPortfolioAndRejectsTheOverLimitOrder(Stop how, @TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        Map<String, Held> before = new LinkedHashMap<>();
        double aaplBefore;
        try (NautilusProcess n = NautilusProcess.start(data)) {
            for (Book b : BOOKS) {
                http(n.port("portfolio"), "POST", "/portfolios", "{\"portfolio_id\":\"" + b.id()
                        + "\",\"portfolio_name\":\"" + b.id() + "\",\"initial_value\":" + b.capital() + "}", 201);
                order(n, b.id(), "AAPL", b.aapl());
                order(n, b.id(), "MSFT", b.msft());
            }
            http(n.port("risk"), "POST", "/risk/limits", "{\"limit_id\":\"lev-100k\",\"limit_type\":\"leverage\","
                    + "\"limit_value\":1.0,\"portfolio_id\":\"cap-100k\"}", 201);
            for (Book b : BOOKS) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertAgree(n, b, Map.of("AAPL", (double) b.aapl(),
                        "MSFT", (double) b.msft())));
                before.put(b.id(), held(n, b.id()));
            }
            aaplBefore = mid(n, "AAPL");
            if (how == Stop.SIGTERM) {
                assertThat(n.stop()).isEqualTo(143);
            } else {
                n.kill();
            }
        }
        try (NautilusProcess n = NautilusProcess.start(data)) {
            for (Book b : BOOKS) {
                Held was = before.get(b.id());
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertAgree(n, b, was.quantities()));
                Held now = held(n, b.id());
                assertThat(now.cash()).as(b.id() + " cash").isCloseTo(was.cash(), within(1e-6));
                assertThat(now.quantities()).as(b.id() + " quantities").isEqualTo(was.quantities());
            }
            // the simulator goes on from its last price (a restart at the configured 190 would jump by far more)
            assertThat(mid(n, "AAPL")).isCloseTo(aaplBefore, within(aaplBefore * 0.05));
            // 10,000 AAPL on the 100k book: leverage ~20 against a limit of 1.0
            JsonNode order = order(n, "cap-100k", "AAPL", 10_000);
            String orderId = order.get("order_id").asText();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode orders = http(n.port("portfolio"), "GET", "/portfolios/cap-100k/orders", null, 200).get("orders");
                JsonNode o = find(orders, "order_id", orderId);
                assertThat(o.get("status").asText()).isEqualTo("rejected");
                assertThat(o.get("reasons").toString()).containsIgnoringCase("leverage");
            });
            JsonNode orders = http(n.port("portfolio"), "GET", "/portfolios/cap-100k/orders", null, 200).get("orders");
            for (JsonNode o : orders) {
                assertThat(o.get("status").asText()).as("no order left waiting for risk").isNotEqualTo("pending_risk");
            }
            assertThat(held(n, "cap-100k").quantities()).isEqualTo(before.get("cap-100k").quantities());
        }
    }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void test_restart_withReferenceDataPostedWithAndWithoutAdvStarts(Stop how, @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (NautilusProcess n = NautilusProcess.start(data, "--engine", "risk")) {
            http(n.port("risk"), "POST", "/risk/reference", "{\"symbols\":[{\"symbol\":\"AAPL\",\"sector\":\"Tech\","
                    + "\"adv\":5000000},{\"symbol\":\"XOM\",\"sector\":\"Energy\"}]}", 200);
            if (how == Stop.SIGTERM) {
                assertThat(n.stop()).isEqualTo(143);
            } else {
                n.kill();
            }
        }
        try (NautilusProcess n = NautilusProcess.start(data, "--engine", "risk")) {
            JsonNode ref = http(n.port("risk"), "GET", "/risk/reference", null, 200);
            assertThat(ref.toString()).contains("\"AAPL\"").contains("\"XOM\"").contains("Energy");
            JsonNode health = http(n.port("risk"), "GET", "/health", null, 200);
            assertThat(health.get("status").asText()).isIn("healthy", "degraded");
        }
    }

    private static JsonNode order(NautilusProcess n, String portfolio, String symbol, int quantity) throws Exception {
        return http(n.port("portfolio"), "POST", "/portfolios/" + portfolio + "/orders", "{\"symbol\":\"" + symbol
                + "\",\"side\":\"buy\",\"quantity\":" + quantity + ",\"order_type\":\"market\"}", 202);
    }

    private static double mid(NautilusProcess n, String symbol) throws Exception {
        return http(n.port("marketdata"), "GET", "/quotes/" + symbol, null, 200).get("mid").asDouble();
    }

    private static Held held(NautilusProcess n, String id) throws Exception {
        JsonNode p = http(n.port("portfolio"), "GET", "/portfolios/" + id, null, 200);
        var q = new TreeMap<String, Double>();
        for (JsonNode pos : p.get("positions")) {
            if (pos.get("quantity").asDouble() != 0) {
                q.put(pos.get("symbol").asText(), pos.get("quantity").asDouble());
            }
        }
        return new Held(p.get("cash_balance").asDouble(), q);
    }

    /**
     * Portfolio, Risk and Analytics hold the same book: the quantities expected, Portfolio's cash equal to each
     * engine's equity minus its market value, and the capital each engine reports equal to the portfolio's own.
     */
    private static void assertAgree(NautilusProcess n, Book b, Map<String, Double> quantities) throws Exception {
        Held portfolio = held(n, b.id());
        assertThat(portfolio.quantities()).as("Portfolio's quantities").isEqualTo(new TreeMap<>(quantities));
        double cent = 0.01;

        JsonNode analytics = Json.mapper().readTree(send(n.port("analytics"), "GET", "/analytics/pnl/" + b.id(), null).body());
        assertThat(analytics.path("initial_capital").asDouble()).as("Analytics' capital").isEqualTo(b.capital());
        var aq = new TreeMap<String, Double>();
        for (JsonNode pos : analytics.path("positions")) {
            if (pos.get("quantity").asDouble() != 0) {
                aq.put(pos.get("symbol").asText(), pos.get("quantity").asDouble());
            }
        }
        assertThat(aq).as("Analytics' quantities").isEqualTo(portfolio.quantities());
        assertThat(analytics.get("equity").asDouble() - analytics.get("market_value").asDouble())
                .as("Analytics' cash").isCloseTo(portfolio.cash(), within(cent));

        JsonNode risk = Json.mapper().readTree(send(n.port("risk"), "GET", "/risk/portfolios/" + b.id(), null).body());
        double riskValue = 0;
        var held = new TreeMap<String, Double>();
        for (var e : risk.path("market_values").properties()) {
            riskValue += e.getValue().asDouble();
            if (e.getValue().asDouble() != 0) {
                held.put(e.getKey(), quantities.get(e.getKey()));
            }
        }
        assertThat(held.keySet()).as("Risk's held symbols: %s", risk).isEqualTo(portfolio.quantities().keySet());
        assertThat(risk.get("equity").asDouble() - riskValue).as("Risk's cash: %s", risk)
                .isCloseTo(portfolio.cash(), within(cent));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode e : array) {
            if (e.path(field).asText().equals(value)) {
                return e;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }
}
