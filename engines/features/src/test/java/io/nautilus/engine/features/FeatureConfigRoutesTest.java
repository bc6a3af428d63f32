package io.nautilus.engine.features;

import io.nautilus.testkit.engine.EngineTestHost;
import static io.nautilus.testkit.engine.EngineTestHost.badField;
import static io.nautilus.testkit.engine.EngineTestHost.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature-set configuration routes over real HTTP, including conflicts and bad input. */
class FeatureConfigRoutesTest {

    @TempDir
    Path dir;
    private EngineTestHost features;

    @BeforeEach
    void start() {
        features = EngineTestHost.builder(new FeaturesEngine()).dataDir(dir).start();
    }

    @AfterEach
    void stop() {
        features.close();
    }

    @Test
    void test_symbolAndUniverse_resolutionFollowsPrecedence() throws Exception {
        EngineTestHost.ok(features.put("/features/config/universes/tech",
                "{\"symbols\":[\"AAPL\",\"MSFT\"],\"indicators\":[{\"name\":\"rsi\",\"params\":{\"period\":7}}]}"));
        EngineTestHost.ok(features.put("/features/config/symbols/MSFT", "{\"indicators\":[{\"name\":\"sma\"}]}"));
        JsonNode aapl = EngineTestHost.ok(features.get("/features/config/symbols/AAPL"));
        assertThat(aapl.get("source").asText()).isEqualTo("universe:tech");
        assertThat(aapl.get("outputs").toString()).isEqualTo("[\"rsi_7\"]");
        assertThat(EngineTestHost.ok(features.get("/features/config/symbols/MSFT")).get("source").asText()).isEqualTo("symbol");
        JsonNode ibm = EngineTestHost.ok(features.get("/features/config/symbols/IBM"));
        assertThat(ibm.get("source").asText()).isEqualTo("default");
        assertThat(ibm.get("outputs").size()).isGreaterThanOrEqualTo(30);

        JsonNode all = EngineTestHost.ok(features.delete("/features/config/symbols/MSFT"));
        assertThat(all.get("symbols").size()).isZero();
        assertThat(EngineTestHost.ok(features.get("/features/config/symbols/MSFT")).get("source").asText()).isEqualTo("universe:tech");
        EngineTestHost.ok(features.delete("/features/config/universes/tech"));
        assertThat(EngineTestHost.ok(features.get("/features/config/symbols/AAPL")).get("source").asText()).isEqualTo("default");
        assertThat(EngineTestHost.ok(features.get("/features/config")).get("version").asLong()).isEqualTo(4);
    }

    @Test
    void test_put_conflictsAndBadInput() throws Exception {
        EngineTestHost.ok(features.put("/features/config/universes/tech", "{\"symbols\":[\"AAPL\"],\"indicators\":[{\"name\":\"rsi\"}]}"));
        JsonNode conflict = problem(features.put("/features/config/universes/mega",
                "{\"symbols\":[\"AAPL\",\"XOM\"],\"indicators\":[{\"name\":\"rsi\"}]}"), 409);
        assertThat(conflict.get("detail").asText()).contains("AAPL (in tech)");
        assertThat(badField(features.put("/features/config/universes/tech", "{\"indicators\":[{\"name\":\"rsi\"}]}")))
                .isEqualTo("symbols");
        assertThat(badField(features.put("/features/config/universes/b%20ad", "{\"symbols\":[\"A\"],\"indicators\":[{\"name\":\"rsi\"}]}")))
                .isEqualTo("name");
        assertThat(badField(features.put("/features/config/default", "{\"indicators\":[]}"))).isEqualTo("indicators");
        assertThat(badField(features.put("/features/config/default", "{\"indicators\":[{\"name\":\"sma\",\"params\":{\"period\":2.5}}]}")))
                .isEqualTo("indicators[0]");
        assertThat(badField(features.put("/features/config/symbols/AAPL", "{\"indicators\":[{\"params\":{}}]}")))
                .startsWith("indicators");
        assertThat(problem(features.delete("/features/config/symbols/NONE"), 404).get("detail").asText()).contains("NONE");
        assertThat(problem(features.delete("/features/config/universes/none"), 404).get("detail").asText()).contains("none");
    }

    /** The store writes its own records (not the HTTP mapper's): what was configured is read back after a restart. */
    @Test
    void test_configuration_survivesRestart() throws Exception {
        EngineTestHost.ok(features.put("/features/config/universes/tech",
                "{\"symbols\":[\"AAPL\",\"MSFT\"],\"indicators\":[{\"name\":\"rsi\",\"params\":{\"period\":7}}]}"));
        EngineTestHost.ok(features.put("/features/config/symbols/IBM",
                "{\"indicators\":[{\"name\":\"sma\",\"params\":{\"period\":5}},{\"name\":\"ema\"}]}"));
        features.close();
        features = EngineTestHost.builder(new FeaturesEngine()).dataDir(dir).start();

        JsonNode config = EngineTestHost.ok(features.get("/features/config"));
        assertThat(config.get("universes").get("tech").get("symbols").toString()).isEqualTo("[\"AAPL\",\"MSFT\"]");
        assertThat(config.get("universes").get("tech").get("outputs").toString()).isEqualTo("[\"rsi_7\"]");
        assertThat(config.get("symbols").get("IBM").get("outputs").toString()).isEqualTo("[\"sma_5\",\"ema_20\"]");
        assertThat(EngineTestHost.ok(features.get("/features/config/symbols/MSFT")).get("source").asText())
                .isEqualTo("universe:tech");
    }
}
