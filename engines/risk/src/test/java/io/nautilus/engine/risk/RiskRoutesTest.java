package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.core.http.Json;
import io.nautilus.core.model.PositionUpdate;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.awaitility.Awaitility.await;

/** The seed routes and the limit administration over real HTTP, with bad input and the audit trail. */
class RiskRoutesTest extends RiskHttpTestBase {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void test_limits_seedCreateAndList() throws Exception {
        JsonNode created = risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\","
                + "\"limit_value\":100000,\"portfolio_id\":\"p1\"}", 201);
        assertThat(created.get("status").asText()).isEqualTo("created");
        assertThat(created.get("limit_id").asText()).isEqualTo("pv");
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"pos\",\"limit_type\":\"position_size\",\"limit_value\":5000,"
                + "\"threshold_warning\":0.7,\"symbol\":\"AAPL\"}", 201);
        JsonNode list = risk.json("GET", "/risk/limits", null, 200);
        assertThat(list.get("count").asInt()).isEqualTo(2);
        JsonNode pos = list.get("limits").get(0);
        assertThat(pos.get("limit_id").asText()).isEqualTo("pos");
        assertThat(pos.get("scope").asText()).isEqualTo("symbol");
        assertThat(pos.get("threshold_warning").asDouble()).isEqualTo(0.7);
        assertThat(pos.get("threshold_breach").asDouble()).isEqualTo(1.0);
        assertThat(pos.get("enabled").asBoolean()).isTrue();
        assertThat(risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\","
                + "\"limit_value\":120000,\"portfolio_id\":\"p1\"}", 200).get("status").asText()).isEqualTo("updated");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"limit_type\":\"leverage\",\"limit_value\":2}|limit_id",
            "{\"limit_id\":\"x\",\"limit_type\":\"vega\",\"limit_value\":2}|limit_type",
            "{\"limit_id\":\"x\",\"limit_type\":\"leverage\"}|limit_value",
            "{\"limit_id\":\"x\",\"limit_type\":\"leverage\",\"limit_value\":-1}|limit_value",
            "{\"limit_id\":\"x\",\"limit_type\":\"leverage\",\"limit_value\":NaN}|limit_value",
            "{\"limit_id\":\"x\",\"limit_type\":\"leverage\",\"limit_value\":2,\"threshold_warning\":1.5}|threshold_warning",
            "{\"limit_id\":\"x\",\"limit_type\":\"leverage\",\"limit_value\":2,\"symbol\":\"AAPL\"}|scope",
            "{\"limit_id\":\"x\",\"limit_type\":\"var_limit\",\"limit_value\":2,\"confidence\":1.2}|confidence",
            "{\"limit_id\":\"x\",\"limit_type\":\"leverage\",\"limit_value\":2,\"scope\":\"portfolio\"}|portfolio_id",
            "{\"limit_id\":\"x\",\"limit_type\":\"leverage\",\"limit_value\":\"two\"}|limit_value",
            "{\"limit_id\":\"x\",|body"})
    void test_limits_badDefinitionsAre400NamingTheField(String body, String field) throws Exception {
        // NaN is not JSON: the parser rejects it as a malformed body, naming NaN in the detail
        HttpResponse<String> r = risk.send("POST", "/risk/limits", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = Json.mapper().readTree(r.body());
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(risk.json("GET", "/risk/limits", null, 200).get("count").asInt()).isZero();
    }

    @Test
    void test_limits_auditTrailRecordsWhoWhenOldAndNew() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"lev\",\"limit_type\":\"leverage\",\"limit_value\":2}", 201);
        risk.json("PUT", "/risk/limits/lev", "{\"limit_type\":\"leverage\",\"limit_value\":3}", 200);
        risk.json("POST", "/risk/limits/lev/disable", null, 200);
        risk.json("DELETE", "/risk/limits/lev", null, 200);
        JsonNode audit = risk.json("GET", "/risk/limits/lev/audit", null, 200);
        assertThat(audit.get("count").asInt()).isEqualTo(4);
        JsonNode entries = audit.get("entries");
        // newest first
        assertThat(entries.get(0).get("action").asText()).isEqualTo("delete");
        assertThat(entries.get(0).get("new_value").isNull()).isTrue();
        assertThat(entries.get(1).get("action").asText()).isEqualTo("disable");
        assertThat(Json.mapper().readTree(entries.get(1).get("new_value").asText()).get("enabled").asBoolean()).isFalse();
        JsonNode update = entries.get(2);
        assertThat(update.get("action").asText()).isEqualTo("update");
        assertThat(update.get("actor").asText()).isEqualTo("alice");
        assertThat(Json.mapper().readTree(update.get("old_value").asText()).get("limit_value").asDouble()).isEqualTo(2.0);
        assertThat(Json.mapper().readTree(update.get("new_value").asText()).get("limit_value").asDouble()).isEqualTo(3.0);
        assertThat(entries.get(3).get("action").asText()).isEqualTo("create");
        assertThat(entries.get(3).get("old_value").isNull()).isTrue();
        assertThat(entries.get(3).get("time").asText()).endsWith("Z");
        assertThat(risk.send("GET", "/risk/limits/lev", null).statusCode()).isEqualTo(404);
    }

    @Test
    void test_check_seedFlatPositionAgainstLimits() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\",\"limit_value\":100000}", 201);
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"lev\",\"limit_type\":\"leverage\",\"limit_value\":2}", 201);
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"loss\",\"limit_type\":\"daily_loss\",\"limit_value\":5000}", 201);
        // 1,000 units worth 130,000: gross 130% of the 100,000 limit -> HIGH; leverage 2.6 given -> equity 50,000,
        // 130,000 / 50,000 = 2.6 = 130% -> HIGH; unrealized -4,500 = 90% of the daily loss limit -> WARNING
        JsonNode r = risk.json("POST", "/risk/check/p1", "{\"quantity\":1000,\"market_value\":130000,"
                + "\"unrealized_pnl\":-4500,\"leverage\":2.6}", 200);
        assertThat(r.get("status").asText()).isEqualTo("checked");
        assertThat(r.get("portfolio_id").asText()).isEqualTo("p1");
        assertThat(r.get("breaches_found").asInt()).isEqualTo(3);
        JsonNode byId = Json.mapper().createObjectNode();
        for (JsonNode b : r.get("breaches")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) byId).set(b.get("limit_id").asText(), b);
        }
        assertThat(byId.get("pv").get("severity").asText()).isEqualTo("HIGH");
        assertThat(byId.get("pv").get("breach_value").asDouble()).isCloseTo(130_000, within(1e-6));
        assertThat(byId.get("pv").get("breach_percentage").asDouble()).isCloseTo(130, within(1e-9));
        assertThat(byId.get("lev").get("breach_value").asDouble()).isCloseTo(2.6, within(1e-12));
        assertThat(byId.get("loss").get("severity").asText()).isEqualTo("WARNING");
        assertThat(byId.get("loss").get("breach_value").asDouble()).isCloseTo(4500, within(1e-6));
        assertThat(byId.get("pv").get("resolved").asBoolean()).isFalse();
        assertThat(byId.get("pv").get("resolution_time").isNull()).isTrue();
        assertThat(r.get("what_if").asBoolean()).isTrue();
        // a what-if is recorded apart: what-if ids, times of the check, marked what_if, never counted as live
        assertThat(byId.get("pv").get("breach_id").asText()).startsWith("what-if-");
        assertThat(byId.get("pv").get("what_if").asBoolean()).isTrue();
        assertThat(byId.get("pv").get("breach_time").asText()).endsWith("Z");
        assertThat(byId.get("pv").get("action_taken").isNull()).isTrue();
        JsonNode again = risk.json("POST", "/risk/check/p1", "{\"positions\":[{\"quantity\":1000,\"market_value\":130000,"
                + "\"unrealized_pnl\":-4500,\"leverage\":2.6}]}", 200);
        // each check opens new what-if breaches (no hysteresis across checks)
        assertThat(again.get("breaches_found").asInt()).isEqualTo(3);
        assertThat(again.get("breaches").get(0).get("breach_id").asText()).startsWith("what-if-")
                .isNotIn(byId.get("pv").get("breach_id").asText(), byId.get("lev").get("breach_id").asText(),
                        byId.get("loss").get("breach_id").asText());
        assertThat(risk.json("GET", "/risk/breaches", null, 200).get("count").asInt()).isEqualTo(6);
        assertThat(risk.json("GET", "/risk/breaches?what_if=true", null, 200).get("count").asInt()).isEqualTo(6);
        assertThat(risk.json("GET", "/risk/breaches?what_if=false", null, 200).get("count").asInt()).isZero();
        JsonNode status = risk.json("GET", "/risk/monitor/status", null, 200);
        assertThat(status.get("open_breaches").asInt()).isZero();
        assertThat(status.get("open_what_if_breaches").asInt()).isEqualTo(6);
    }

    @Test
    void test_check_whatIfLeavesTheLiveBreachesAlone() throws Exception {
        var published = new java.util.concurrent.CopyOnWriteArrayList<io.nautilus.core.model.RiskBreach>();
        bus.forEngine("test").subscribe("risk.breach.*", io.nautilus.core.model.RiskBreach.class,
                (b, m) -> published.add(b));
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\",\"limit_value\":10000,"
                + "\"portfolio_id\":\"p1\"}", 201);
        // the live portfolio: 100 x 95 = 9,500 = 95% of 10,000 -> a real WARNING breach
        risk.position("p1", "AAPL", 100, 95, T0);
        JsonNode live = risk.awaitOpenBreach("p1", 1);
        String id = live.get("breach_id").asText();
        assertThat(id).startsWith("brk-");
        assertThat(live.get("severity").asText()).isEqualTo("WARNING");
        assertThat(live.get("breach_value").asDouble()).isCloseTo(9500, within(1e-9));
        await().until(() -> published.size() == 1);

        // small hypothetical: 10 x 100 = 1,000 = 10%; before the fix it auto-resolved the real breach
        JsonNode small = risk.json("POST", "/risk/check/p1", "{\"quantity\":10,\"market_value\":1000}", 200);
        assertThat(small.get("what_if").asBoolean()).isTrue();
        assertThat(small.get("breaches_found").asInt()).isZero();
        assertThat(small.get("evaluations").get(0).get("value").asDouble()).isCloseTo(1000, within(1e-9));
        assertThat(small.get("evaluations").get(0).get("utilisation_pct").asDouble()).isCloseTo(10, within(1e-9));
        // large hypothetical: 13,000 = 130% -> HIGH in the answer; before the fix it escalated the real breach
        JsonNode large = risk.json("POST", "/risk/check/p1", "{\"positions\":[{\"symbol\":\"MSFT\",\"quantity\":100,"
                + "\"price\":130}]}", 200);
        assertThat(large.get("breaches_found").asInt()).isEqualTo(1);
        JsonNode b = large.get("breaches").get(0);
        assertThat(b.get("breach_id").asText()).startsWith("what-if-").isNotEqualTo(id);
        assertThat(b.get("limit_id").asText()).isEqualTo("pv");
        assertThat(b.get("severity").asText()).isEqualTo("HIGH");
        assertThat(b.get("breach_value").asDouble()).isCloseTo(13000, within(1e-9));
        assertThat(b.get("limit_value").asDouble()).isEqualTo(10000.0);
        assertThat(b.get("breach_percentage").asDouble()).isCloseTo(130, within(1e-9));
        assertThat(b.get("resolved").asBoolean()).isFalse();
        assertThat(b.get("resolution_time").isNull()).isTrue();

        assertThat(b.get("what_if").asBoolean()).isTrue();

        // the real breach is still open and unchanged, nothing more was published; the live list is that one breach
        JsonNode all = risk.json("GET", "/risk/breaches?portfolio_id=p1&what_if=false", null, 200);
        assertThat(all.get("count").asInt()).isEqualTo(1);
        JsonNode still = all.get("breaches").get(0);
        assertThat(still.get("breach_id").asText()).isEqualTo(id);
        assertThat(still.get("resolved").asBoolean()).isFalse();
        assertThat(still.get("severity").asText()).isEqualTo("WARNING");
        assertThat(still.get("breach_value").asDouble()).isCloseTo(9500, within(1e-9));
        assertThat(still.get("breach_time").asText()).isEqualTo(live.get("breach_time").asText());
        assertThat(still.get("what_if").asBoolean()).isFalse();
        assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt()).isEqualTo(1);
        // the live check and the next tick continue the same breach: no reopening under a new id
        JsonNode checked = risk.json("POST", "/risk/check/p1", "{\"positions\":[]}", 200);
        assertThat(checked.get("what_if").asBoolean()).isFalse();
        assertThat(checked.get("breaches").get(0).get("breach_id").asText()).isEqualTo(id);
        assertThat(checked.get("breaches").get(0).get("breach_value").asDouble()).isCloseTo(9500, within(1e-9));
        risk.position("p1", "AAPL", 100, 96, T0 + 1_000_000_000L);
        await().until(() -> risk.json("POST", "/risk/check/p1", "{\"positions\":[]}", 200).get("evaluations").get(0)
                .get("value").asDouble() == 9600);
        JsonNode after = risk.json("GET", "/risk/breaches?active=true&what_if=false", null, 200);
        assertThat(after.get("count").asInt()).isEqualTo(1);
        assertThat(after.get("breaches").get(0).get("breach_id").asText()).isEqualTo(id);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).breachId()).isEqualTo(id);
    }

    @Test
    void test_check_emptyPositionsChecksTheLivePortfolio() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"gross\",\"limit_type\":\"gross_exposure\",\"limit_value\":10000,"
                + "\"portfolio_id\":\"p1\"}", 201);
        risk.json("POST", "/risk/monitor/stop", null, 200);
        risk.position(new PositionUpdate("p1", "AAPL", 100, 90, 0, 95, T0));
        await().untilAsserted(() -> assertThat(risk.json("POST", "/risk/check/p1", "{\"positions\":[]}", 200)
                .get("breaches_found").asInt()).isEqualTo(1));
        JsonNode r = risk.json("POST", "/risk/check/p1", "{\"positions\":[]}", 200);
        // 100 x 95 = 9,500 = 95% of 10,000: WARNING
        assertThat(r.get("breaches").get(0).get("severity").asText()).isEqualTo("WARNING");
        assertThat(r.get("evaluations").get(0).get("value").asDouble()).isCloseTo(9500, within(1e-9));
        // p2 has no book (the Portfolio engine published no state of it): refused, and nothing is registered
        assertThat(risk.json("POST", "/risk/check/p2", "", 404).get("detail").asText()).startsWith("NO_BOOK:no_state");
        assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("portfolios").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"positions\":[{\"quantity\":\"ten\"}]}|positions[0].quantity",
            "{\"positions\":[{\"symbol\":\"AAPL\"}]}|positions[0]",
            "{\"positions\":[{\"quantity\":1,\"price\":-5}]}|positions[0].price",
            "{\"positions\":[{\"symbol\":\"BAD.SYM\",\"quantity\":1}]}|positions[0].symbol",
            "{\"quantity\":1,\"market_value\":10,\"leverage\":-1}|positions[0].leverage",
            "{\"positions\":\"none\"}|positions",
            "[1,2|body"})
    void test_check_badBodiesAre400(String body, String field) throws Exception {
        HttpResponse<String> r = risk.send("POST", "/risk/check/p1", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Json.mapper().readTree(r.body()).get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    @Test
    void test_resolve_byApiThenNotFoundAndConflict() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\",\"limit_value\":100}", 201);
        risk.position("p1", "AAPL", 10, 20, T0);
        String id = risk.awaitOpenBreach("p1", 1).get("breach_id").asText();
        // the position still breaches: with monitoring on, the next event (a model rebuild, a tick) would open a new
        // breach once this one is resolved by hand, so the history would not be the one breach this test counts
        risk.json("POST", "/risk/monitor/stop", null, 200);
        JsonNode resolved = risk.json("POST", "/risk/breaches/" + id + "/resolve", "{\"action_taken\":\"cut position\"}", 200);
        assertThat(resolved.get("breach").get("resolved").asBoolean()).isTrue();
        assertThat(resolved.get("breach").get("action_taken").asText()).isEqualTo("cut position");
        assertThat(resolved.get("breach").get("resolved_by").asText()).isEqualTo("alice");
        assertThat(risk.send("POST", "/risk/breaches/" + id + "/resolve", "{}").statusCode()).isEqualTo(409);
        assertThat(risk.send("POST", "/risk/breaches/nope/resolve", "{}").statusCode()).isEqualTo(404);
        assertThat(risk.json("GET", "/risk/breaches?active=true", null, 200).get("count").asInt()).isZero();
        assertThat(risk.json("GET", "/risk/breaches?active=TRUE", null, 200).get("count").asInt()).isZero();
        assertThat(risk.json("GET", "/risk/breaches?active=false", null, 200).get("count").asInt()).isEqualTo(1);
        assertThat(risk.json("GET", "/risk/breaches?active=False", null, 200).get("count").asInt()).isEqualTo(1);
        assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"active,yes", "active,1", "active,on", "active,truee", "active,0", "what_if,yes", "what_if,1",
            "what_if,live", "what_if,falsee"})
    void test_breaches_activeAndWhatIfAreStrictlyTrueOrFalse(String param, String value) throws Exception {
        // read leniently, a typo would silently list the whole history instead of the open (or live) breaches
        HttpResponse<String> r = risk.send("GET", "/risk/breaches?" + param + "=" + value, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode error = Json.mapper().readTree(r.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(param);
        assertThat(error.get("message").asText()).contains("true or false").contains("'" + value + "'");
    }

    @Test
    void test_deleteLimit_resolvesItsOpenBreaches() throws Exception {
        risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\",\"limit_value\":100}", 201);
        risk.position("p1", "AAPL", 10, 20, T0);
        String id = risk.awaitOpenBreach("p1", 1).get("breach_id").asText();
        risk.json("DELETE", "/risk/limits/pv", null, 200);
        await().until(() -> risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt() == 0);
        JsonNode b = risk.json("GET", "/risk/breaches", null, 200).get("breaches").get(0);
        assertThat(b.get("breach_id").asText()).isEqualTo(id);
        assertThat(b.get("resolved").asBoolean()).isTrue();
        assertThat(b.get("action_taken").asText()).isEqualTo("limit deleted");
        assertThat(b.get("resolved_by").asText()).isEqualTo("risk-engine");
    }

    @Test
    void test_monitor_seedStartGetAndPost() throws Exception {
        assertThat(risk.json("GET", "/risk/monitor/start", null, 200).get("monitoring").asBoolean()).isTrue();
        assertThat(risk.json("POST", "/risk/monitor/stop", null, 200).get("status").asText()).isEqualTo("stopped");
        assertThat(risk.json("POST", "/risk/monitor/start", null, 200).get("status").asText()).isEqualTo("monitoring");
    }

    @Test
    void test_monitorStart_getNeedsTheTokenWhenOneIsConfigured() throws Exception {
        try (var ownBus = io.nautilus.bus.local.LocalBus.create();
             var secured = new RiskHost(ownBus, dir.resolve("secured"), RiskHost.testConfig(),
                io.nautilus.core.http.HttpSettings.local(0).withToken("s3cret"))) {
            String base = "http://127.0.0.1:" + secured.host.port();
            assertThat(call("POST", base + "/risk/monitor/stop", "s3cret").statusCode()).isEqualTo(200);
            for (String token : new String[] {null, "wrong"}) {
                HttpResponse<String> r = call("GET", base + "/risk/monitor/start", token);
                assertThat(r.statusCode()).as(String.valueOf(token)).isEqualTo(401);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).isEqualTo("Bearer");
                assertThat(Json.mapper().readTree(r.body()).get("errors").get(0).get("field").asText())
                        .isEqualTo("Authorization");
            }
            // refused without touching the state: monitoring is still off (reads need no token)
            HttpResponse<String> status = call("GET", base + "/risk/monitor/status", null);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(status.body()).get("monitoring").asBoolean()).isFalse();
            HttpResponse<String> ok = call("GET", base + "/risk/monitor/start", "s3cret");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(ok.body()).get("monitoring").asBoolean()).isTrue();
            assertThat(Json.mapper().readTree(ok.body()).get("status").asText()).isEqualTo("monitoring");
            assertThat(Json.mapper().readTree(call("GET", base + "/risk/monitor/status", null).body())
                    .get("monitoring").asBoolean()).isTrue();
            // other reads stay open, other writes still need it
            assertThat(call("GET", base + "/risk/breaches", null).statusCode()).isEqualTo(200);
            assertThat(call("POST", base + "/risk/monitor/stop", null).statusCode()).isEqualTo(401);
        }
    }

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    /** A request without a body or content type, with an optional bearer token. */
    private static HttpResponse<String> call(String method, String url, String token) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void test_controlsAndStates_badValuesAre400() throws Exception {
        assertThat(risk.send("PUT", "/risk/controls/p1", "{\"max_quantity\":0}").statusCode()).isEqualTo(400);
        // a misspelt control is refused: read leniently, it would have switched every control off
        var typo = risk.send("PUT", "/risk/controls/p1", "{\"max_notionals\":1000}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("\"field\":\"max_notionals\"").contains("max_notional");
        assertThat(risk.send("POST", "/risk/trading-state/p1", "{\"state\":\"paused\"}").statusCode()).isEqualTo(400);
        assertThat(risk.send("PUT", "/risk/portfolios/p1/capital", "{\"capital\":-5}").statusCode()).isEqualTo(400);
        assertThat(risk.send("POST", "/risk/reference", "{\"symbol\":\"AAPL\",\"adv\":0}").statusCode()).isEqualTo(400);
        assertThat(risk.send("POST", "/risk/pretrade", "{\"portfolio_id\":\"p1\",\"symbol\":\"AAPL\",\"side\":\"hold\","
                + "\"quantity\":1}").statusCode()).isEqualTo(400);
    }
}
