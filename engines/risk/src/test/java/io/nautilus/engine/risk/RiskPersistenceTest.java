package io.nautilus.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nautilus.bus.local.LocalBus;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits, audit, controls, states, reference data, capital and breaches survive a restart on the same data dir. */
class RiskPersistenceTest {
    private static final long T0 = 1_700_000_000_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void test_restart_restoresDurableState() throws Exception {
        String breachId;
        JsonNode limitsBefore;
        var books = new FakePortfolio();
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), books)) {
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"pv\",\"limit_type\":\"portfolio_value\",\"limit_value\":100,"
                    + "\"threshold_warning\":0.75}", 201);
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"sec\",\"limit_type\":\"sector_exposure\",\"limit_value\":0.4,"
                    + "\"sector\":\"Tech\",\"portfolio_id\":\"p1\"}", 201);
            risk.json("POST", "/risk/limits/sec/disable", null, 200);
            risk.json("PUT", "/risk/controls/p1", "{\"max_quantity\":500,\"restricted_symbols\":[\"XYZ\"]}", 200);
            risk.json("POST", "/risk/trading-state/p2", "{\"state\":\"reducing\"}", 200);
            risk.json("POST", "/risk/reference", "{\"symbols\":[{\"symbol\":\"AAPL\",\"sector\":\"Tech\",\"country\":\"US\","
                    + "\"currency\":\"USD\",\"adv\":1000000}]}", 200);
            risk.json("PUT", "/risk/portfolios/p1/capital", "{\"capital\":250000}", 200);
            risk.position("p1", "AAPL", 1, 90, T0);
            breachId = risk.awaitOpenBreach("p1", 1).get("breach_id").asText();
            limitsBefore = risk.json("GET", "/risk/limits", null, 200);
        }
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig(), books)) {
            assertThat(risk.json("GET", "/risk/limits", null, 200)).isEqualTo(limitsBefore);
            assertThat(risk.json("GET", "/risk/limits/sec", null, 200).get("enabled").asBoolean()).isFalse();
            assertThat(risk.json("GET", "/risk/limits/sec/audit", null, 200).get("count").asInt()).isEqualTo(2);
            JsonNode controls = risk.json("GET", "/risk/controls/p1", null, 200);
            assertThat(controls.get("max_quantity").asDouble()).isEqualTo(500.0);
            assertThat(controls.get("restricted_symbols").get(0).asText()).isEqualTo("XYZ");
            assertThat(controls.get("max_notional").isNull()).isTrue();
            assertThat(risk.json("GET", "/risk/trading-state", null, 200).get("states").get("p2").asText())
                    .isEqualTo("REDUCING");
            JsonNode ref = risk.json("GET", "/risk/reference", null, 200).get("symbols").get("AAPL");
            assertThat(ref.get("sector").asText()).isEqualTo("Tech");
            assertThat(ref.get("adv").asDouble()).isEqualTo(1_000_000.0);
            assertThat(risk.json("GET", "/risk/audit?entity_type=capital&entity_id=p1", null, 200)
                    .get("entries").get(0).get("new_value").asText()).contains("250000");
            JsonNode breaches = risk.json("GET", "/risk/breaches", null, 200);
            assertThat(breaches.get("count").asInt()).isEqualTo(1);
            assertThat(breaches.get("breaches").get(0).get("breach_id").asText()).isEqualTo(breachId);
            assertThat(breaches.get("breaches").get(0).get("severity").asText()).isEqualTo("WARNING");
            assertThat(risk.json("GET", "/risk/monitor/status", null, 200).get("open_breaches").asInt()).isEqualTo(1);
            // the open breach was restored: the position seen again continues it instead of opening another
            risk.position("p1", "AAPL", 1, 90, T0 + 1_000_000_000L);
            org.awaitility.Awaitility.await().until(() -> risk.json("POST", "/risk/check/p1", "{\"positions\":[]}", 200)
                    .get("evaluations").get(0).get("value").asDouble() == 90);
            JsonNode checked = risk.json("POST", "/risk/check/p1", "{\"positions\":[]}", 200);
            assertThat(checked.get("breaches").get(0).get("breach_id").asText()).isEqualTo(breachId);
            assertThat(risk.json("GET", "/risk/breaches", null, 200).get("count").asInt()).isEqualTo(1);
        }
    }

    /** The reference-data restart: one symbol with adv and one without must not stop the next start. */
    @Test
    void test_restart_referenceWithAndWithoutAdvStarts() throws Exception {
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig())) {
            risk.json("POST", "/risk/reference", "{\"symbols\":[{\"symbol\":\"AAPL\",\"sector\":\"Tech\","
                    + "\"currency\":\"USD\",\"adv\":5000000},{\"symbol\":\"XOM\",\"sector\":\"Energy\","
                    + "\"currency\":\"USD\"}]}", 200);
        }
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig())) {
            JsonNode ref = risk.json("GET", "/risk/reference", null, 200).get("symbols");
            assertThat(ref.get("AAPL").get("adv").asDouble()).isEqualTo(5_000_000.0);
            assertThat(ref.get("XOM").get("sector").asText()).isEqualTo("Energy");
            assertThat(ref.get("XOM").get("adv").isNull()).isTrue();
            assertThat(risk.json("GET", "/health", null, 200).get("skipped_records").get("count").asInt()).isZero();
        }
    }

    /**
     * Records that fail validation at start (written by an older build or by hand) are skipped and reported in
     * /health, never fatal: one bad row of each type next to a good one.
     */
    @Test
    void test_restart_invalidStoredRecordsAreSkippedAndReported() throws Exception {
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig())) {
            risk.json("POST", "/risk/limits", "{\"limit_id\":\"ok\",\"limit_type\":\"leverage\",\"limit_value\":2}", 201);
            risk.json("PUT", "/risk/controls/p1", "{\"max_quantity\":500}", 200);
            risk.json("POST", "/risk/reference", "{\"symbol\":\"AAPL\",\"adv\":1000}", 200);
        }
        try (var store = io.nautilus.core.store.Store.open("jdbc:sqlite:" + dir.resolve("risk.db"), "risk")) {
            store.inTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO risk_limits VALUES ('bad', '{\"limit_id\":\"bad\",\"limit_type\":"
                            + "\"leverage\",\"limit_value\":-1}', 1)");
                    st.executeUpdate("INSERT INTO risk_settings VALUES ('controls:p2', '{\"max_quantity\":0}', 1)");
                    st.executeUpdate("INSERT INTO risk_reference VALUES ('MSFT', NULL, NULL, NULL, 0.0, 1)");
                    st.executeUpdate("INSERT INTO risk_breaches (breach_id, portfolio_id, limit_id, limit_type, severity,"
                            + " breach_value, limit_value, utilisation_pct, breach_time, resolved) VALUES ('brk-bad',"
                            + " 'p1', 'ok', 'leverage', 'TERRIBLE', 3, 2, 150, " + T0 + ", FALSE)");
                }
                return null;
            });
        }
        try (LocalBus bus = LocalBus.create(); RiskHost risk = new RiskHost(bus, dir, RiskHost.testConfig())) {
            assertThat(risk.json("GET", "/risk/limits", null, 200).get("count").asInt()).isEqualTo(1);
            assertThat(risk.json("GET", "/risk/controls/p1", null, 200).get("max_quantity").asDouble()).isEqualTo(500.0);
            assertThat(risk.json("GET", "/risk/reference", null, 200).get("symbols").has("MSFT")).isFalse();
            JsonNode skipped = risk.json("GET", "/health", null, 200).get("skipped_records");
            assertThat(skipped.get("count").asInt()).isEqualTo(4);
            assertThat(skipped.get("ids")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("limit:bad", "controls:p2", "reference:MSFT", "breach:brk-bad");
        }
    }
}
