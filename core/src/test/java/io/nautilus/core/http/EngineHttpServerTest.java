package io.nautilus.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nautilus.core.engine.Health;
import io.nautilus.testkit.RawHttp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chrome of {@link EngineHttpServer} on a real server: bad bodies, path parameters, Jetty's own refusals,
 * cross-site requests (Origin, Host, content type, token) and /metrics.
 */
class EngineHttpServerTest {
    enum Kind { LIMIT, MARKET }

    /** A body with one of each kind of field. */
    record Thing(String name, Double price, double[] series, List<Double> weights, Integer count, Kind kind,
                 double[][] returns) {
        Thing {
            if (price != null && price < 0) {
                throw new IllegalArgumentException("price must be >= 0, got " + price);
            }
        }
    }

    private static final String TOKEN = "s3cret";
    private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static EngineHttpServer open;
    private static EngineHttpServer guarded;

    @BeforeAll
    static void start() {
        var details = new LinkedHashMap<String, Object>();
        details.put("orders_seen", 7);
        details.put("bus", Map.of("backlog", 3L));
        details.put("replaying", true);
        details.put("mode", "live");
        open = new EngineHttpServer("test", HttpSettings.local(0).withAllowedHosts(Set.of("nautilus.internal"))
                .withAllowedOrigins(Set.of("https://desk.example:8443")), () -> Health.up(details), () -> true, REGISTRY,
                r -> {
                    r.post("/things", c -> c.json(Bodies.read(c, Thing.class)));
                    r.put("/things/{thing_id}", c -> c.json(Map.of("id", c.pathParam("thing_id"))));
                    r.get("/quotes/{symbol}", c -> c.json(Map.of("symbol", c.pathParam("symbol"))));
                    r.get("/universes/{name}", c -> c.json(Map.of("name", c.pathParam("name"))));
                    r.post("/upload", c -> c.json(Map.of("bytes", Bodies.text(c).length())));
                    r.post("/trigger", c -> c.json(Map.of("done", true)));
                    r.get("/trigger", c -> c.json(Map.of("done", true)), EngineHttpServer.Access.STATE_CHANGING);
                });
        guarded = new EngineHttpServer("guarded", HttpSettings.local(0).withToken(TOKEN), () -> Health.up(Map.of()),
                () -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                r -> r.post("/things", c -> c.json(Bodies.read(c, Thing.class))));
    }

    @AfterAll
    static void stop() {
        open.close();
        guarded.close();
    }

    private static RawHttp.Response post(String path, String body, String... headers) throws Exception {
        var all = new ArrayList<String>(List.of("Content-Type: application/json"));
        all.addAll(List.of(headers));
        return RawHttp.send(open.port(), "POST", path, body, all.toArray(String[]::new));
    }

    /** Asserts a problem+json answer of this status naming this field, and returns its body. */
    private static JsonNode problem(RawHttp.Response r, int status, String field) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith(Problem.MEDIA_TYPE);
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
        String detail = p.path("detail").asText();
        assertThat(detail).doesNotContain("io.nautilus", "Jackson", "`", "DeserializationFeature", "Cannot construct");
        return p;
    }

    private static String message(JsonNode problem) {
        return problem.path("errors").get(0).path("message").asText();
    }

    @Test
    void test_read_nullAndWrongShapedBodies() throws Exception {
        assertThat(message(problem(post("/things", "null"), 400, "body"))).isEqualTo("must be a JSON object, got null");
        assertThat(message(problem(post("/things", "[]"), 400, "body"))).isEqualTo("must be a JSON object");
        assertThat(message(problem(post("/things", "\"x\""), 400, "body"))).isEqualTo("must be a JSON object");
        assertThat(message(problem(post("/things", "{\"name\":"), 400, "body")))
                .isEqualTo("is not valid JSON: it ends before the JSON is complete");
        assertThat(message(problem(post("/things", "{name: 1}"), 400, "body"))).isEqualTo("is not valid JSON (line 1, column 2)");
        problem(post("/things", "{\"series\":[1,2"), 400, "series");
        assertThat(problem(post("/things", ""), 400, "body").path("detail").asText()).isEqualTo("request body is required (JSON)");
    }

    @Test
    void test_read_unknownFieldIsRefusedNamingKnownOnes() throws Exception {
        JsonNode p = problem(post("/things", "{\"nmae\":\"x\"}"), 400, "nmae");
        assertThat(message(p)).isEqualTo("unknown field 'nmae'; known fields: count, kind, name, price, returns, series, weights");
    }

    @Test
    void test_read_nonFiniteNumbersAreRefusedInEveryShape() throws Exception {
        assertThat(message(problem(post("/things", "{\"price\":\"Infinity\"}"), 400, "price")))
                .isEqualTo("must be a finite number, got 'Infinity'");
        assertThat(message(problem(post("/things", "{\"price\":\"NaN\"}"), 400, "price")))
                .isEqualTo("must be a finite number, got 'NaN'");
        assertThat(message(problem(post("/things", "{\"price\":1e400}"), 400, "price")))
                .isEqualTo("must be a finite number, got '1e400'");
        assertThat(message(problem(post("/things", "{\"price\":NaN}"), 400, "price")))
                .isEqualTo("must be a finite number (JSON has no NaN or Infinity)");
        assertThat(message(problem(post("/things", "{\"series\":[1,\"-Infinity\"]}"), 400, "series[1]")))
                .isEqualTo("must be a finite number, got '-Infinity'");
        problem(post("/things", "{\"series\":[1,2,-1e999]}"), 400, "series[2]");
        problem(post("/things", "{\"weights\":[0.5,\"Infinity\"]}"), 400, "weights[1]");
        problem(post("/things", "{\"returns\":[[0.1],[0.2,1e400]]}"), 400, "returns[1][1]");
        assertThat(message(problem(post("/things", "{\"count\":1e400}"), 400, "count"))).startsWith("must be a whole number");
    }

    @Test
    void test_read_nullInsideListsIsRefused() throws Exception {
        assertThat(message(problem(post("/things", "{\"returns\":[[null,0.1]]}"), 400, "returns[0][0]"))).isEqualTo("must not be null");
        assertThat(message(problem(post("/things", "{\"series\":[0.1,null]}"), 400, "series[1]"))).isEqualTo("must not be null");
        assertThat(message(problem(post("/things", "{\"weights\":[null]}"), 400, "weights[0]"))).isEqualTo("must not be null");
    }

    @Test
    void test_read_wrongTypesInPlainWords() throws Exception {
        assertThat(message(problem(post("/things", "{\"price\":\"abc\"}"), 400, "price"))).isEqualTo("must be a finite number, got 'abc'");
        assertThat(message(problem(post("/things", "{\"kind\":\"stop\"}"), 400, "kind"))).isEqualTo("must be one of [limit, market], got 'stop'");
        assertThat(message(problem(post("/things", "{\"series\":{}}"), 400, "series"))).isEqualTo("must be a list of numbers");
        assertThat(message(problem(post("/things", "{\"name\":[]}"), 400, "name"))).isEqualTo("must be a string");
        assertThat(message(problem(post("/things", "{\"price\":-1}"), 400, "price"))).isEqualTo("price must be >= 0, got -1.0");
    }

    @Test
    void test_read_echoesAreBounded() throws Exception {
        String huge = "x".repeat(1 << 20);
        RawHttp.Response r = post("/things", "{\"" + huge + "\":1}");
        assertThat(message(problem(r, 400, "body"))).isEqualTo("is too long or too deeply nested");
        assertThat(r.body().length()).isLessThan(2_000);
        r = post("/things", "{\"" + "x".repeat(20_000) + "\":1}");
        problem(r, 400, "x".repeat(64) + "...");
        assertThat(r.body().length()).isLessThan(2_000);
        r = post("/things", "{\"kind\":\"" + huge + "\"}");
        problem(r, 400, "kind");
        assertThat(r.body().length()).isLessThan(2_000);
        // a valid body is answered as read
        r = post("/things", "{\"name\":\"n\",\"price\":1.5,\"series\":[1,\"2\"],\"kind\":\"limit\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode t = Json.mapper().readTree(r.body());
        assertThat(t.path("price").asDouble()).isEqualTo(1.5);
        assertThat(t.path("series").get(1).asDouble()).isEqualTo(2.0);
        assertThat(t.path("kind").asText()).isEqualTo("LIMIT");
    }

    @Test
    void test_pathParams_checkedByName() throws Exception {
        assertThat(RawHttp.send(open.port(), "PUT", "/things/abc-1:2", "{}", "Content-Type: application/json").status()).isEqualTo(200);
        problem(RawHttp.send(open.port(), "PUT", "/things/" + "a".repeat(4000), "{}", "Content-Type: application/json"), 400, "thing_id");
        problem(RawHttp.send(open.port(), "PUT", "/things/a.b", "{}", "Content-Type: application/json"), 400, "thing_id");
        problem(RawHttp.send(open.port(), "PUT", "/things/a%01b", "{}", "Content-Type: application/json"), 400, "thing_id");
        problem(RawHttp.send(open.port(), "GET", "/quotes/" + "A".repeat(40), null), 400, "symbol");
        assertThat(RawHttp.send(open.port(), "GET", "/quotes/BRK-B", null).status()).isEqualTo(200);
        assertThat(RawHttp.send(open.port(), "GET", "/universes/US%20large%20caps", null).body()).contains("US large caps");
        problem(RawHttp.send(open.port(), "GET", "/universes/a%0Ab", null), 400, "name");
    }

    @Test
    void test_jettyRefusals_areProblems() throws Exception {
        for (String target : List.of("/../etc/passwd", "/things/%00", "/a/%2e%2e/b", "/x%", "/a%2Fb/../c")) {
            RawHttp.Response r = RawHttp.send(open.port(), "GET", target, null);
            assertThat(r.status()).as(target).isBetween(400, 499);
            problem(r, r.status(), null);
        }
        RawHttp.Response big = RawHttp.send(open.port(), "GET", "/health", null, "X-Big: " + "y".repeat(20_000));
        assertThat(big.status()).isEqualTo(431);
        problem(big, 431, null);
        problem(RawHttp.send(open.port(), "GET", "/nothing-here", null), 404, null);
    }

    @Test
    void test_origin_foreignRefusedOwnAndAbsentAccepted() throws Exception {
        String own = "http://127.0.0.1:" + open.port();
        JsonNode p = problem(RawHttp.send(open.port(), "POST", "/trigger", "{}", "Content-Type: text/plain",
                "Origin: https://evil.example"), 403, "Origin");
        assertThat(p.path("detail").asText()).contains("http.allowed_origins");
        problem(post("/trigger", "{}", "Origin: https://evil.example"), 403, "Origin");
        problem(post("/trigger", "{}", "Origin: null"), 403, "Origin");
        problem(post("/trigger", "{}", "Referer: https://evil.example/page.html"), 403, "Referer");
        problem(post("/trigger", "{}", "Origin: http://127.0.0.1:" + (open.port() + 1)), 403, "Origin");
        assertThat(post("/trigger", "{}", "Origin: " + own).status()).isEqualTo(200);
        assertThat(post("/trigger", "{}", "Referer: " + own + "/ui/index.html").status()).isEqualTo(200);
        assertThat(post("/trigger", "{}", "Origin: https://desk.example:8443").status()).isEqualTo(200);
        assertThat(post("/trigger", "{}").status()).isEqualTo(200);
        // a GET that changes state is held to the same rule; a plain GET is not
        problem(RawHttp.send(open.port(), "GET", "/trigger", null, "Origin: https://evil.example"), 403, "Origin");
        assertThat(RawHttp.send(open.port(), "GET", "/quotes/AAPL", null, "Origin: https://evil.example").status()).isEqualTo(200);
    }

    @Test
    void test_contentType_onlyJsonOrCsvBodies() throws Exception {
        problem(RawHttp.send(open.port(), "POST", "/trigger", "{}", "Content-Type: text/plain"), 415, "Content-Type");
        problem(RawHttp.send(open.port(), "POST", "/trigger", "a=1", "Content-Type: application/x-www-form-urlencoded"), 415, "Content-Type");
        problem(RawHttp.send(open.port(), "POST", "/trigger", "{}"), 415, "Content-Type");
        assertThat(RawHttp.send(open.port(), "POST", "/trigger", null).status()).isEqualTo(200);
        assertThat(RawHttp.send(open.port(), "POST", "/trigger", "{}", "Content-Type: application/json; charset=utf-8").status()).isEqualTo(200);
        assertThat(RawHttp.send(open.port(), "POST", "/things", "{}", "Content-Type: application/merge-patch+json").status()).isEqualTo(200);
        // CSV passes the server but not a JSON reader
        assertThat(RawHttp.send(open.port(), "POST", "/upload", "t,AAPL\n1,2\n", "Content-Type: text/csv").status()).isEqualTo(200);
        problem(RawHttp.send(open.port(), "POST", "/things", "{}", "Content-Type: text/csv"), 415, "Content-Type");
    }

    @Test
    void test_host_onlyNamesOfThisServer() throws Exception {
        int port = open.port();
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port, "10.1.2.3",
                "app.localhost:" + port, "nautilus.internal:" + port)) {
            assertThat(RawHttp.send(port, "GET", "/quotes/AAPL", null, "Host: " + host).status()).as(host).isEqualTo(200);
        }
        JsonNode p = problem(RawHttp.send(port, "GET", "/quotes/AAPL", null, "Host: evil.example:" + port), 421, "Host");
        assertThat(p.path("detail").asText()).contains("http.allowed_hosts");
        problem(RawHttp.send(port, "POST", "/trigger", "{}", "Host: rebound.attacker.example", "Content-Type: application/json",
                "Origin: http://rebound.attacker.example"), 421, "Host");
        // probes and scrapers use service names
        assertThat(RawHttp.send(port, "GET", "/health", null, "Host: nautilus-engine:8100").status()).isEqualTo(200);
    }

    @Test
    void test_token_stillRequiredAndChecksStillApply() throws Exception {
        int port = guarded.port();
        problem(RawHttp.send(port, "POST", "/things", "{}", "Content-Type: application/json"), 401, "Authorization");
        assertThat(RawHttp.send(port, "POST", "/things", "{}", "Content-Type: application/json",
                "Authorization: Bearer " + TOKEN).status()).isEqualTo(200);
        problem(RawHttp.send(port, "POST", "/things", "{}", "Content-Type: application/json",
                "Authorization: Bearer " + TOKEN, "Origin: https://evil.example"), 403, "Origin");
    }

    @Test
    void test_metrics_routesJvmHealthAndHelp() throws Exception {
        for (int i = 0; i < 3; i++) {
            RawHttp.send(open.port(), "PUT", "/things/t" + i, "{}", "Content-Type: application/json");
        }
        RawHttp.send(open.port(), "PUT", "/things/bad.id", "{}", "Content-Type: application/json");
        String text = RawHttp.send(open.port(), "GET", "/metrics", null).body();
        Map<String, Double> samples = new LinkedHashMap<>();
        var typed = new ArrayList<String>();
        var helped = new LinkedHashMap<String, String>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                helped.put(parts[0], parts.length > 1 ? parts[1] : "");
            } else if (line.startsWith("# TYPE ")) {
                typed.add(line.substring(7).split(" ")[0]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        assertThat(typed).isNotEmpty();
        for (String name : typed) {
            assertThat(helped.get(name)).as("HELP of " + name).isNotBlank();
        }
        assertThat(samples.get("http_server_requests_seconds_count{method=\"PUT\",route=\"/things/{thing_id}\",status=\"200\"}"))
                .isEqualTo(3.0);
        assertThat(samples.get("http_server_requests_seconds_count{method=\"PUT\",route=\"/things/{thing_id}\",status=\"400\"}"))
                .isEqualTo(1.0);
        assertThat(samples.keySet()).noneMatch(k -> k.contains("route=\"/things/t1\""));
        assertThat(samples.get("nautilus_health_orders_seen")).isEqualTo(7.0);
        assertThat(samples.get("nautilus_health_bus_backlog")).isEqualTo(3.0);
        assertThat(samples.get("nautilus_health_replaying")).isEqualTo(1.0);
        assertThat(samples.get("nautilus_health_status")).isEqualTo(2.0);
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"))
                .anyMatch(k -> k.startsWith("jvm_threads_live_threads"))
                .anyMatch(k -> k.startsWith("jvm_classes_loaded_classes"))
                .anyMatch(k -> k.startsWith("jvm_gc_"))
                .anyMatch(k -> k.startsWith("process_cpu_usage"));
    }
}
