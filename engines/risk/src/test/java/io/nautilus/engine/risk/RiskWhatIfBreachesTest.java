package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.model.RiskBreach;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What-if breaches (POST /risk/check with posted positions) as the seed's clients use them: recorded apart from the
 * live ones, listed, resolvable by id and kept across a restart, never fed to the live monitor nor published, and
 * bounded by {@code risk.what_if.max_open}.
 */
class RiskWhatIfBreachesTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void test_oldClientFlow_whatIfBreachIsListedAndResolvableWithoutTouchingTheLiveOne() throws Exception {
        String liveId;
        String whatIfId;
        String openWhatIfId;
        JsonNode live;
        var books = new FakePortfolio();
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), books)) {
            var published = new CopyOnWriteArrayList<RiskBreach>();
            bus.forEngine("test").subscribe("risk.breach.*", RiskBreach.class, (b, m) -> published.add(b));
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\","
                    + "\"limit_value\":10000,\"portfolio_id\":\"p1\"}", 201);
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv2\",\"limit_type\":\"portfolio_value\","
                    + "\"limit_value\":10000,\"portfolio_id\":\"p2\"}", 201);
            // a real live breach: 100 x 95 = 9,500 = 95% of 10,000 -> WARNING
            risk.position("p1", "AAPL", 100, 95, T0);
            live = risk.awaitOpenBreach("p1", 1);
            liveId = live.get("breach_id").asText();
            assertThat(liveId).startsWith("brk-");
            assertThat(live.get("what_if").asBoolean()).isFalse();
            await().until(() -> published.size() == 1);

            // the old client: one flat position worth 13,000 = 130% of 10,000 -> HIGH
            JsonNode r = risk.json("POST", "/risk/check/p1", "{\"quantity\":100,\"market_value\":13000,"
                    + "\"unrealized_pnl\":0,\"leverage\":1}", 200);
            assertThat(r.get("what_if").asBoolean()).isTrue();
            assertThat(r.get("breaches_found").asInt()).isEqualTo(1);
            JsonNode found = r.get("breaches").get(0);
            whatIfId = found.get("breach_id").asText();
            assertThat(whatIfId).startsWith("what-if-");
            assertThat(found.get("what_if").asBoolean()).isTrue();
            assertThat(found.get("severity").asText()).isEqualTo("HIGH");
            assertThat(found.get("breach_value").asDouble()).isCloseTo(13000, within(1e-9));
            assertThat(found.get("resolved").asBoolean()).isFalse();

            // listed with the live one, which is unchanged
            JsonNode all = risk.json("GET", "/risk/breaches", null, 200);
            assertThat(all.get("count").asInt()).isEqualTo(2);
            JsonNode liveListed = byId(all, liveId);
            assertThat(liveListed.get("what_if").asBoolean()).isFalse();
            assertThat(liveListed.get("severity").asText()).isEqualTo("WARNING");
            assertThat(liveListed.get("breach_value").asDouble()).isCloseTo(9500, within(1e-9));
            assertThat(liveListed.get("breach_time").asText()).isEqualTo(live.get("breach_time").asText());
            assertThat(liveListed.get("resolved").asBoolean()).isFalse();
            JsonNode whatIfListed = byId(all, whatIfId);
            assertThat(whatIfListed.get("what_if").asBoolean()).isTrue();
            assertThat(whatIfListed.get("severity").asText()).isEqualTo("HIGH");
            assertThat(whatIfListed.get("breach_value").asDouble()).isCloseTo(13000, within(1e-9));
            assertThat(whatIfListed.get("breach_percentage").asDouble()).isCloseTo(130, within(1e-9));
            assertThat(whatIfListed.get("breach_time").asText()).isEqualTo(found.get("breach_time").asText());
            assertThat(ids(risk.json("GET", "/risk/breaches?what_if=true", null, 200))).containsExactly(whatIfId);
            assertThat(ids(risk.json("GET", "/risk/breaches?what_if=FALSE", null, 200))).containsExactly(liveId);
            JsonNode status = risk.json("GET", "/risk/monitor/status", null, 200);
            assertThat(status.get("open_breaches").asInt()).isEqualTo(1);
            assertThat(status.get("open_what_if_breaches").asInt()).isEqualTo(1);

            // resolved by id like a live one: 200, then 409; the live one is still open
            JsonNode resolved = risk.json("POST", "/risk/breaches/" + whatIfId + "/resolve",
                    "{\"action_taken\":\"reduced the order\"}", 200).get("breach");
            assertThat(resolved.get("breach_id").asText()).isEqualTo(whatIfId);
            assertThat(resolved.get("resolved").asBoolean()).isTrue();
            assertThat(resolved.get("resolution_time").asText()).endsWith("Z");
            assertThat(resolved.get("action_taken").asText()).isEqualTo("reduced the order");
            assertThat(resolved.get("resolved_by").asText()).isEqualTo("alice");
            assertThat(resolved.get("what_if").asBoolean()).isTrue();
            assertThat(risk.send("POST", "/risk/breaches/" + whatIfId + "/resolve", "{}").statusCode()).isEqualTo(409);
            assertThat(risk.send("POST", "/risk/breaches/what-if-nope/resolve", "{}").statusCode()).isEqualTo(404);
            JsonNode open = risk.json("GET", "/risk/breaches?active=true", null, 200);
            assertThat(ids(open)).containsExactly(liveId);
            assertThat(open.get("breaches").get(0).get("breach_value").asDouble()).isCloseTo(9500, within(1e-9));
            status = risk.json("GET", "/risk/monitor/status", null, 200);
            assertThat(status.get("open_breaches").asInt()).isEqualTo(1);
            assertThat(status.get("open_what_if_breaches").asInt()).isZero();

            // one more what-if left open, to be restored by the restart
            openWhatIfId = risk.json("POST", "/risk/check/p1", "{\"quantity\":1,\"market_value\":12500}", 200)
                    .get("breaches").get(0).get("breach_id").asText();

            // the live topic got nothing from the checks: a later live breach (p2) is the next thing published
            risk.position("p2", "MSFT", 100, 96, T0);
            await().until(() -> published.size() == 2);
            assertThat(published).extracting(RiskBreach::breachId).doesNotContain(whatIfId, openWhatIfId);
            assertThat(published.get(0).breachId()).isEqualTo(liveId);
            assertThat(published.get(1).portfolioId()).isEqualTo("p2");
        }

        // a restart keeps the what-if breaches (resolved and open) apart from the live ones
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), books)) {
            JsonNode whatIf = risk.json("GET", "/risk/breaches?what_if=true", null, 200);
            assertThat(ids(whatIf)).containsExactlyInAnyOrder(whatIfId, openWhatIfId);
            JsonNode kept = byId(whatIf, whatIfId);
            assertThat(kept.get("resolved").asBoolean()).isTrue();
            assertThat(kept.get("action_taken").asText()).isEqualTo("reduced the order");
            assertThat(kept.get("what_if").asBoolean()).isTrue();
            assertThat(kept.get("breach_value").asDouble()).isCloseTo(13000, within(1e-9));
            assertThat(byId(whatIf, openWhatIfId).get("resolved").asBoolean()).isFalse();
            JsonNode liveAfter = byId(risk.json("GET", "/risk/breaches?what_if=false", null, 200), liveId);
            assertThat(liveAfter.get("resolved").asBoolean()).isFalse();
            assertThat(liveAfter.get("what_if").asBoolean()).isFalse();
            assertThat(liveAfter.get("breach_time").asText()).isEqualTo(live.get("breach_time").asText());
            JsonNode status = risk.json("GET", "/risk/monitor/status", null, 200);
            assertThat(status.get("open_breaches").asInt()).isEqualTo(2);
            assertThat(status.get("open_what_if_breaches").asInt()).isEqualTo(1);
            // the restored open what-if breach is resolvable; the resolved one still answers 409
            assertThat(risk.json("POST", "/risk/breaches/" + openWhatIfId + "/resolve", "{}", 200)
                    .get("breach").get("resolved").asBoolean()).isTrue();
            assertThat(risk.send("POST", "/risk/breaches/" + whatIfId + "/resolve", "{}").statusCode()).isEqualTo(409);
            assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt()).isEqualTo(2);
        }
    }

    @Test
    void test_bound_oldestOpenWhatIfBreachesAreDroppedBeyondMaxOpen() throws Exception {
        var config = RiskHost.testConfig().with("risk.what_if.max_open", "2");
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, config)) {
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\","
                    + "\"limit_value\":10000}", 201);
            risk.position("p1", "AAPL", 100, 95, T0);
            String liveId = risk.awaitOpenBreach("p1", 1).get("breach_id").asText();
            var whatIfIds = new java.util.ArrayList<String>();
            for (int value : new int[] {11000, 12000, 13000}) {
                whatIfIds.add(risk.json("POST", "/risk/check/p1", "{\"quantity\":1,\"market_value\":" + value + "}", 200)
                        .get("breaches").get(0).get("breach_id").asText());
            }
            // the oldest was dropped (deleted: what-if checks keep at most the maximum of rows); the two newest are open
            JsonNode whatIf = risk.json("GET", "/risk/breaches?what_if=true", null, 200);
            assertThat(ids(whatIf)).containsExactlyInAnyOrder(whatIfIds.get(1), whatIfIds.get(2));
            assertThat(byId(whatIf, whatIfIds.get(1)).get("breach_value").asDouble()).isCloseTo(12000, within(1e-9));
            assertThat(risk.send("POST", "/risk/breaches/" + whatIfIds.get(0) + "/resolve", "{}").statusCode())
                    .isEqualTo(404);
            // the live breach is never dropped by what-if checks
            assertThat(ids(risk.json("GET", "/risk/breaches?what_if=false&active=true", null, 200)))
                    .containsExactly(liveId);
            JsonNode status = risk.json("GET", "/risk/monitor/status", null, 200);
            assertThat(status.get("open_breaches").asInt()).isEqualTo(1);
            assertThat(status.get("open_what_if_breaches").asInt()).isEqualTo(2);
        }
        // the bound holds across a restart: the restored ones are the oldest to expire next
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, config)) {
            List<String> openBefore = ids(risk.json("GET", "/risk/breaches?what_if=true&active=true", null, 200));
            assertThat(openBefore).hasSize(2);
            String newest = risk.json("POST", "/risk/check/p1", "{\"quantity\":1,\"market_value\":14000}", 200)
                    .get("breaches").get(0).get("breach_id").asText();
            List<String> openAfter = ids(risk.json("GET", "/risk/breaches?what_if=true&active=true", null, 200));
            // openBefore is newest first: its last one was the oldest open and has been dropped
            assertThat(openAfter).containsExactlyInAnyOrder(newest, openBefore.get(0));
        }
    }

    @Test
    void test_migration2_breachesOfAnOlderStoreAreLive() throws Exception {
        // a store at schema 1 (before the what_if column) with one open breach
        try (var store = io.nautilus.core.store.Store.open("jdbc:sqlite:" + dir.resolve("risk.db"), "old")) {
            store.migrate(RiskStore.ENGINE, List.of(RiskStore.MIGRATIONS.get(0)));
            store.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO risk_breaches (breach_id, portfolio_id, limit_id, limit_type,"
                            + " severity, breach_value, limit_value, utilisation_pct, breach_time, resolved)"
                            + " VALUES ('brk-old', 'p1', 'pv', 'portfolio_value', 'WARNING', 90, 100, 90, " + T0
                            + ", FALSE)");
                }
                return null;
            });
        }
        var books = new FakePortfolio();
        books.create("p1", 1_000_000); // the breach's portfolio still exists: it is not resolved at the sync
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), books)) {
            JsonNode live = risk.json("GET", "/risk/breaches?what_if=false", null, 200);
            assertThat(ids(live)).containsExactly("brk-old");
            assertThat(live.get("breaches").get(0).get("what_if").asBoolean()).isFalse();
            assertThat(risk.json("GET", "/risk/breaches?what_if=true", null, 200).get("count").asInt()).isZero();
            JsonNode status = risk.json("GET", "/risk/monitor/status", null, 200);
            assertThat(status.get("open_breaches").asInt()).isEqualTo(1);
            assertThat(status.get("open_what_if_breaches").asInt()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void test_settings_maxOpenMustBePositive(String value) {
        assertThatThrownBy(() -> RiskSettings.from(RiskHost.testConfig().with("risk.what_if.max_open", value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("risk.what_if.max_open");
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode b : list.get("breaches")) {
            if (b.get("breach_id").asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no breach " + id + " in " + list);
    }

    private static List<String> ids(JsonNode list) {
        var out = new java.util.ArrayList<String>();
        list.get("breaches").forEach(b -> out.add(b.get("breach_id").asText()));
        return out;
    }
}
