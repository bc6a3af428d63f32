package io.nautilus.bus.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP chrome every engine gets, exercised on a real server with a small test engine. */
class EngineHostHttpTest {
    private static final String TOKEN = "s3cret";
    private static LocalBus bus;
    private static EngineHost host;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Echoes a posted quote back. */
    static class QuoteEchoEngine implements Engine {
        @Override
        public EngineId id() {
            return EngineId.FACTOR;
        }

        @Override
        public void start(EngineContext ctx) {
        }

        @Override
        public void routes(RoutesConfig routes) {
            routes.post("/quotes", ctx -> {
                Quote q = Bodies.read(ctx, Quote.class);
                ctx.status(201).json(Map.of("symbol", q.symbol(), "mid", q.mid()));
            });
        }

        @Override
        public Health health() {
            return Health.up(Map.of("quotes_seen", 0));
        }

        @Override
        public void stop() {
        }
    }

    @BeforeAll
    static void start() {
        bus = LocalBus.create();
        var http = new HttpSettings("127.0.0.1", 0, 4096, TOKEN, 64);
        host = new EngineHost(new QuoteEchoEngine(), HostSettings.defaults().withHttp(http), bus, Clock.system(), () -> true).start();
    }

    @AfterAll
    static void stop() {
        host.close();
        bus.close();
    }

    private static HttpResponse<String> post(String path, String body, boolean auth) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode n = Json.mapper().readTree(r.body());
        assertThat(n.get("status").asInt()).isEqualTo(r.statusCode());
        assertThat(n.get("title").asText()).isNotBlank();
        return n;
    }

    @Test
    void test_post_validBodyIsParsedWithSnakeCase() throws Exception {
        var r = post("/quotes", "{\"symbol\":\"AAPL\",\"bid\":99.5,\"ask\":100.5,\"bid_size\":10,\"ask_size\":20,\"ts_nanos\":1700000000000000000}", true);
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode n = Json.mapper().readTree(r.body());
        assertThat(n.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(n.get("mid").asDouble()).isEqualTo(100.0);
    }

    @Test
    void test_post_malformedJsonIs400() throws Exception {
        var r = post("/quotes", "{\"symbol\": \"AAPL\", ", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problem(r).get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void test_post_nanIs400() throws Exception {
        var r = post("/quotes", "{\"symbol\":\"AAPL\",\"bid\":NaN,\"ask\":100.5,\"bid_size\":10,\"ask_size\":20,\"ts_nanos\":1}", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problem(r).get("detail").asText()).contains("NaN");
    }

    @Test
    void test_post_missingFieldIs400NamingIt() throws Exception {
        var r = post("/quotes", "{\"symbol\":\"AAPL\",\"ask\":100.5,\"bid_size\":10,\"ask_size\":20,\"ts_nanos\":1700000000000000000}", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problem(r).get("errors").get(0).get("field").asText()).isEqualTo("bid");
    }

    @Test
    void test_post_recordValidationIs400NamingField() throws Exception {
        var r = post("/quotes", "{\"symbol\":\"AAPL\",\"bid\":101,\"ask\":100.5,\"bid_size\":10,\"ask_size\":20,\"ts_nanos\":1700000000000000000}", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problem(r).get("detail").asText()).contains("crossed quote");
        var neg = post("/quotes", "{\"symbol\":\"AAPL\",\"bid\":-1,\"ask\":100.5,\"bid_size\":10,\"ask_size\":20,\"ts_nanos\":1700000000000000000}", true);
        assertThat(problem(neg).get("errors").get(0).get("field").asText()).isEqualTo("bid");
    }

    @Test
    void test_post_oversizedBodyIs413() throws Exception {
        String big = "{\"symbol\":\"" + "A".repeat(10_000) + "\"}";
        var r = post("/quotes", big, true);
        assertThat(r.statusCode()).isEqualTo(413);
        problem(r);
    }

    @Test
    void test_post_missingOrWrongTokenIs401() throws Exception {
        var r = post("/quotes", "{}", false);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(problem(r).get("errors").get(0).get("field").asText()).isEqualTo("Authorization");
        var wrong = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/quotes"))
                .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void test_get_unknownRouteIs404Problem() throws Exception {
        var r = get("/nope", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(problem(r).get("detail").asText()).contains("/nope");
    }

    @Test
    void test_health_hasSeedFields() throws Exception {
        var r = get("/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode n = Json.mapper().readTree(r.body());
        assertThat(n.get("status").asText()).isEqualTo("healthy");
        assertThat(n.get("engine").asText()).isEqualTo("factor");
        assertThat(n.get("uptime_seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(n.get("messagebus_connected").asBoolean()).isTrue();
        assertThat(n.get("quotes_seen").asInt()).isZero();
        assertThat(n.get("bus").get("backlog").asLong()).isZero();
    }

    @Test
    void test_metrics_prometheusTextAndJson() throws Exception {
        var text = get("/metrics", null);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).contains("nautilus_bus_delivered_total{engine=\"factor\"}");
        var json = get("/metrics", "application/json");
        JsonNode n = Json.mapper().readTree(json.body());
        assertThat(n.get("engine").asText()).isEqualTo("factor");
        boolean found = false;
        for (JsonNode m : n.get("meters")) {
            if (m.get("name").asText().equals("nautilus.bus.delivered")) {
                found = true;
                assertThat(m.get("tags").get("engine").asText()).isEqualTo("factor");
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void test_bulkhead_saturatedEngineAnswers503WithRetryAfter() throws Exception {
        // a separate host whose bulkhead admits 2 concurrent requests: hold two, the third is refused,
        // /health still answers
        var release = new CountDownLatch(1);
        var entered = new java.util.concurrent.atomic.AtomicInteger();
        Engine blocking = new QuoteEchoEngine() {
            @Override
            public void routes(RoutesConfig routes) {
                routes.get("/block", ctx -> {
                    entered.incrementAndGet();
                    release.await(30, TimeUnit.SECONDS);
                    ctx.json(Map.of("released", true));
                });
            }
        };
        var http = new HttpSettings("127.0.0.1", 0, 4096, null, 2);
        try (var b = LocalBus.create();
             var h = new EngineHost(blocking, HostSettings.defaults().withHttp(http), b, Clock.system(), () -> true).start()) {
            String base = "http://127.0.0.1:" + h.port();
            try {
                var first = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(base + "/block")).build(),
                        HttpResponse.BodyHandlers.ofString());
                var second = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(base + "/block")).build(),
                        HttpResponse.BodyHandlers.ofString());
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> entered.get() == 2);
                var third = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/block")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(third.statusCode()).isEqualTo(503);
                assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(problem(third).get("detail").asText()).contains("2 concurrent requests");
                var health = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                release.countDown();
                assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(second.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(entered.get()).isEqualTo(2);
            } finally {
                release.countDown();
            }
        }
    }
}
