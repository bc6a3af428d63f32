package io.nautilus.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.engine.portfolio.execution.PaperFillModel;
import io.nautilus.testkit.engine.EngineTestHost;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortfolioSettingsTest {
    @TempDir
    Path dir;

    @Test
    void test_from_defaults() {
        var s = PortfolioSettings.from(EngineConfig.empty());
        assertThat(s).isEqualTo(new PortfolioSettings(new PaperFillModel(5, 1, 0, 0), 60, "1d", 252, 20, 252, 0, 0,
                0.05, Duration.ofMillis(5000), Duration.ofSeconds(300)));
    }

    @Test
    void test_from_givenValues() {
        var s = PortfolioSettings.from(EngineConfig.empty().with("portfolio.periods_per_year", "52")
                .with("portfolio.rebalance.drift_threshold", "0.1").with("portfolio.history.interval", "1H")
                .with("portfolio.risk_free_rate", "0.02").with("portfolio.slippage.bps", "2.5"));
        assertThat(s.periodsPerYear()).isEqualTo(52.0);
        assertThat(s.driftThreshold()).isEqualTo(0.1);
        assertThat(s.historyInterval()).isEqualTo("1h");
        assertThat(s.riskFreeRate()).isEqualTo(0.02);
        assertThat(s.fillModel().slippageBps()).isEqualTo(2.5);
    }

    @ParameterizedTest
    @CsvSource({
        "portfolio.periods_per_year, 0, 'setting portfolio.periods_per_year must be > 0, got 0.0'",
        "portfolio.periods_per_year, abc, 'setting portfolio.periods_per_year must be a finite number, got ''abc'''",
        "portfolio.rebalance.drift_threshold, 1.5, 'setting portfolio.rebalance.drift_threshold must be a fraction in (0, 1), got 1.5'",
        "portfolio.rebalance.drift_threshold, 0, 'setting portfolio.rebalance.drift_threshold must be a fraction in (0, 1), got 0.0'",
        "portfolio.rebalance.min_notional, -1, 'setting portfolio.rebalance.min_notional must be >= 0, got -1.0'",
        "portfolio.slippage.bps, -5, 'setting portfolio.slippage.bps must be >= 0, got -5.0'",
        "portfolio.history.interval, daily, 'setting portfolio.history.interval must be a bar interval like 1m, 5m, 1h or 1d (count 1-366), got daily'",
        "portfolio.history.interval, 400d, 'setting portfolio.history.interval must be a bar interval like 1m, 5m, 1h or 1d (count 1-366), got 400d'",
        "portfolio.history.lookback, 1, 'setting portfolio.history.lookback must be in [2, 100000], got 1'",
        "portfolio.history.min_periods, 0, 'setting portfolio.history.min_periods must be >= 1, got 0'",
        "portfolio.risk_free_rate, 2, 'setting portfolio.risk_free_rate must be an annual fraction in (-1, 1), e.g. 0.02 for 2 %, got 2.0'",
        "portfolio.request.timeout.ms, 0, 'setting portfolio.request.timeout.ms must be > 0, got 0'",
        "portfolio.snapshot.interval.seconds, -1, 'setting portfolio.snapshot.interval.seconds must be >= 0 (0 = off), got -1'",
        "portfolio.pending_risk.max_age.seconds, -1, 'setting portfolio.pending_risk.max_age.seconds must be >= 0, got -1.0'",
    })
    void test_from_badValue_namesTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> PortfolioSettings.from(EngineConfig.empty().with(key, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void test_engineStart_badSettingFailsTheStart() {
        try (LocalBus bus = LocalBus.create()) {
            assertThatThrownBy(() -> EngineTestHost.builder(new PortfolioEngine()).bus(bus).dataDir(dir)
                    .config(EngineConfig.empty().with("portfolio.periods_per_year", "-252")).start())
                    .hasMessageContaining("setting portfolio.periods_per_year must be > 0, got -252.0");
        }
    }
}
