package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.EngineHttpServer;
import io.nautilus.core.http.Json;
import io.nautilus.testkit.RawHttp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and hostile input sent to every route of every engine, the routes read from the running servers (so a new
 * route is covered without a new test): a JSON {@code null}, {@code []}, an unknown field, broken JSON, a body
 * that is not JSON, {@code "Infinity"}, {@code "NaN"}, {@code 1e400} and {@code null} in each declared field
 * (learnt from the unknown-field answer), huge, unprintable and {@code %00} path parameters, query values that are
 * not numbers, and paths Jetty itself refuses (a 64 KB path is over its URI limit). Every answer must be below 500, and every 4xx a problem+json body.
 */
class EveryRouteBadInputTest {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern KNOWN = Pattern.compile("known fields: (.*)$");
    private static final String UNKNOWN = "zz_not_a_field";
    /** State-changing routes that read no body: an unknown field cannot be refused where nothing is read. */
    private static final Set<String> NO_BODY = Set.of(
            "POST /risk/limits/{limit_id}/disable", "POST /risk/limits/{limit_id}/enable",
            "POST /risk/monitor/start", "POST /risk/monitor/stop", "POST /symbols/{symbol}/snapshot",
            "DELETE /features/config/symbols/{symbol}", "DELETE /features/config/universes/{name}",
            "DELETE /portfolios/{id}/orders/{orderId}", "DELETE /risk/limits/{limit_id}",
            "POST /data/ingest/csv");
    /** Routes whose body may be a JSON array (a batch of records). */
    private static final Set<String> ARRAY_BODY = Set.of("POST /data/ingest");

    private final List<String> failures = new ArrayList<>();
    /** Fields that took a 100,000-character string (reported, not failed: bounding a field is its engine's rule). */
    private final List<String> acceptedLongText = new ArrayList<>();
    private int requests;

    @Test
    void test_everyRoute_badInputIsAProblemNeverA5xx(@TempDir Path dir) throws Exception {
        var config = EngineConfig.empty()
                .with("marketdata.simulator.symbols", "AAPL,MSFT")
                .with("marketdata.simulator.backfill-days", "30");
        try (Nautilus n = Nautilus.builder().ephemeralPorts(true).dataDir(dir.toString()).config(config).start()) {
            assertThat(n.engines()).contains(EngineId.MARKETDATA, EngineId.FEATURES, EngineId.RISK, EngineId.PORTFOLIO,
                    EngineId.ANALYTICS);
            int routes = 0;
            for (EngineId id : n.engines()) {
                int port = n.port(id);
                List<EngineHttpServer.Route> list = n.host(id).routes();
                assertThat(list).as(id + " routes").anyMatch(r -> r.path().equals("/health"));
                for (EngineHttpServer.Route route : list) {
                    routes++;
                    probe(port, route);
                }
                for (String target : List.of("/../etc/passwd", "/%00", "/a%2e%2e/%2e%2e/b", "/x%zz", "/health/%2F..")) {
                    check(port, "GET", target, null, "jetty", "application/json");
                }
                check(port, "GET", "/health", null, "431", "application/json", "X-Big: " + "y".repeat(20_000));
            }
            assertThat(routes).isGreaterThan(80);
            assertThat(requests).isGreaterThan(1000);
        }
        System.out.println("fields that accepted a 100,000-character string: " + acceptedLongText);
        assertThat(failures).as(failures.size() + " of " + requests + " requests failed:\n" + String.join("\n", failures))
                .isEmpty();
    }

    private void probe(int port, EngineHttpServer.Route route) throws Exception {
        String key = route.method() + " " + route.path();
        String path = fill(route.path(), null, null);
        if (route.method().equals("GET")) {
            check(port, "GET", path + "?limit=abc&period_days=1e400&from=yesterday&window=-1", null, key + " query", null);
        } else if (!route.method().equals("HEAD") && !route.method().equals("OPTIONS")) {
            String m = route.method();
            boolean reads = !NO_BODY.contains(key);
            expect4xx(reads, check(port, m, path, "null", key + " null body", "application/json"), key + " null body");
            expect4xx(reads && !ARRAY_BODY.contains(key), check(port, m, path, "[]", key + " []", "application/json"),
                    key + " []");
            expect4xx(reads, check(port, m, path, "{\"a\":", key + " broken JSON", "application/json"), key + " broken JSON");
            expect4xx(true, check(port, m, path, "{}", key + " text/plain", "text/plain"), key + " text/plain");
            JsonNode unknown = check(port, m, path, "{\"" + UNKNOWN + "\":1}", key + " unknown field", "application/json");
            expect4xx(reads, unknown, key + " unknown field");
            for (String field : knownFields(unknown)) {
                // a field that refuses a word is not a text field: it must refuse non-finite numbers too
                JsonNode word = check(port, m, path, "{\"" + field + "\":\"zz-word\"}", key + " " + field + "=word",
                        "application/json");
                boolean typed = word.path("errors").path(0).path("field").asText().startsWith(field);
                for (String value : List.of("\"Infinity\"", "\"NaN\"", "1e400", "-1e400")) {
                    String what = key + " " + field + "=" + value;
                    expect4xx(typed, check(port, m, path, "{\"" + field + "\":" + value + "}", what, "application/json"), what);
                }
                check(port, m, path, "{\"" + field + "\":null}", key + " " + field + "=null", "application/json");
                check(port, m, path, "{\"" + field + "\":[null,1]}", key + " " + field + "=[null,1]", "application/json");
                check(port, m, path, "{\"" + field + "\":[[null,1]]}", key + " " + field + "=[[null,1]]", "application/json");
                JsonNode longText = check(port, m, path, "{\"" + field + "\":\"" + "x".repeat(100_000) + "\"}",
                        key + " " + field + "=<100k>", "application/json");
                if (longText.path("_status").asInt() / 100 == 2) {
                    acceptedLongText.add(key + " " + field);
                }
            }
        }
        Matcher params = PARAM.matcher(route.path());
        while (params.find()) {
            String name = params.group(1);
            for (String bad : List.of("a".repeat(4000), "a%00b", "%00", "a%0Ab", "a%20b%09c", "..%2F..")) {
                String target = fill(route.path(), name, bad);
                String what = key + " " + name + "=" + (bad.length() > 20 ? "<" + bad.length() + " chars>" : bad);
                String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
                expect4xx(true, check(port, route.method(), target, body, what, "application/json"), what);
            }
            String target = fill(route.path(), name, "a".repeat(64 << 10));
            check(port, route.method(), target, null, key + " " + name + "=<64 KB>", null);
        }
    }

    /** The route's path with harmless values in its parameters, and {@code bad} in {@code badParam}. */
    private static String fill(String template, String badParam, String bad) {
        Matcher m = PARAM.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals(badParam) ? bad : name.equals("symbol") ? "AAPL" : "probe-1";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Sends one request and records a failure if the answer is a 5xx or a 4xx without a problem+json body; returns
     * the problem (or a missing node).
     */
    private JsonNode check(int port, String method, String target, String body, String what, String contentType,
                           String... extra) throws Exception {
        requests++;
        var headers = new ArrayList<String>(List.of(extra));
        if (contentType != null && body != null) {
            headers.add("Content-Type: " + contentType);
        }
        RawHttp.Response r;
        try {
            r = RawHttp.send(port, method, target, body, headers.toArray(String[]::new));
        } catch (java.io.IOException e) {
            failures.add(what + " -> no answer: " + e.getMessage());
            return Json.mapper().missingNode();
        }
        String shortBody = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
        if (r.status() >= 500) {
            failures.add(what + " -> " + r.status() + " " + shortBody);
            return Json.mapper().missingNode();
        }
        if (r.status() >= 400) {
            String ct = r.header("Content-Type");
            if (ct == null || !ct.startsWith("application/problem+json")) {
                failures.add(what + " -> " + r.status() + " with Content-Type " + ct + ": " + shortBody);
                return Json.mapper().missingNode();
            }
            JsonNode p = Json.mapper().readTree(r.body());
            String detail = p.path("detail").asText();
            if (p.path("status").asInt() != r.status() || detail.contains("io.nautilus") || detail.contains("`")
                    || r.body().length() > 4_000) {
                failures.add(what + " -> " + r.status() + " problem leaks or is unbounded: " + shortBody);
            }
            return ((com.fasterxml.jackson.databind.node.ObjectNode) p).put("_status", r.status());
        }
        return Json.mapper().createObjectNode().put("_status", r.status());
    }

    private void expect4xx(boolean required, JsonNode answer, String what) {
        int status = answer.path("_status").asInt(0);
        if (required && status != 0 && (status < 400 || status > 499)) {
            failures.add(what + " -> " + status + " (accepted; expected a 4xx problem)");
        }
    }

    private static Set<String> knownFields(JsonNode problem) {
        var out = new LinkedHashSet<String>();
        for (JsonNode e : problem.path("errors")) {
            Matcher m = KNOWN.matcher(e.path("message").asText());
            if (e.path("field").asText().equals(UNKNOWN) && m.find()) {
                for (String f : m.group(1).split(",\\s*")) {
                    out.add(f.trim());
                }
            }
        }
        return out;
    }
}
