package io.nautilus.engine.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.engine.EngineConfig;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FeaturesSettingsTest {

    @Test
    void test_from_defaultsAndAnnualization() {
        FeaturesSettings s = FeaturesSettings.defaults();
        assertThat(s.intervals()).extracting(i -> i.label()).containsExactly("1m", "1d");
        assertThat(s.sessionZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.maxSeriesLength()).isEqualTo(100_000);
        // 252 x 23,400 / 60 one-minute bars; 252 daily bars
        assertThat(s.periodsPerYear().get("1m")).isCloseTo(98_280, within(1e-9));
        assertThat(s.periodsPerYear().get("1d")).isCloseTo(252, within(1e-12));
    }

    @Test
    void test_from_readsKeysAndRejectsBadValuesNamingTheKey() {
        var cfg = EngineConfig.empty().with(FeaturesSettings.INTERVALS, "5m, 1h").with(FeaturesSettings.SESSION_ZONE,
                "America/New_York").with(FeaturesSettings.SESSION_SECONDS, "28800");
        FeaturesSettings s = FeaturesSettings.from(cfg);
        assertThat(s.periodsPerYear()).containsOnlyKeys("5m", "1h");
        assertThat(s.periodsPerYear().get("1h")).isCloseTo(252 * 8, within(1e-9));
        assertThatThrownBy(() -> FeaturesSettings.from(EngineConfig.empty().with(FeaturesSettings.INTERVALS, "1y")))
                .hasMessageContaining(FeaturesSettings.INTERVALS);
        assertThatThrownBy(() -> FeaturesSettings.from(EngineConfig.empty().with(FeaturesSettings.SESSION_ZONE, "Mars/Base")))
                .hasMessageContaining(FeaturesSettings.SESSION_ZONE);
        assertThatThrownBy(() -> FeaturesSettings.from(EngineConfig.empty().with(FeaturesSettings.MAX_SERIES_LENGTH, "0")))
                .hasMessageContaining(FeaturesSettings.MAX_SERIES_LENGTH);
    }
}
