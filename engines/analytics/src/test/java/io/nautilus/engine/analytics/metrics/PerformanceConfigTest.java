package io.nautilus.engine.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PerformanceConfigTest {

    @Test
    void test_riskFreeRatePerPeriod_compoundsBackToTheAnnualRate() {
        // 12.6825% a year is 1% a month: 1.01^12 = 1.12682503013
        PerformanceConfig monthly = PerformanceConfig.DEFAULT.withPeriodsPerYear(12).withRiskFreeRate(0.12682503013196977);

        assertThat(monthly.riskFreeRatePerPeriod()).isEqualTo(0.01, within(1e-15));
        assertThat(PerformanceConfig.DEFAULT.riskFreeRatePerPeriod()).isZero();
    }

    @Test
    void test_varTailProbability_isExactForRoundConfidences() {
        assertThat(PerformanceConfig.DEFAULT.varTailProbability()).isEqualTo(0.05);
        assertThat(PerformanceConfig.DEFAULT.withVarConfidence(0.99).varTailProbability()).isEqualTo(0.01);
        assertThat(PerformanceConfig.DEFAULT.withVarConfidence(0.975).varTailProbability()).isEqualTo(0.025);
    }

    @Test
    void test_benchmarkSharpeRatioPerPeriod_dividesBySqrtPeriods() {
        assertThat(PerformanceConfig.DEFAULT.withBenchmarkSharpeRatio(1.0).benchmarkSharpeRatioPerPeriod())
                .isEqualTo(1 / Math.sqrt(252), within(1e-16));
    }

    @Test
    void test_new_rejectsOutOfRangeFields() {
        assertThatThrownBy(() -> PerformanceConfig.DEFAULT.withPeriodsPerYear(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("periods_per_year is 0, must be >= 1");
        assertThatThrownBy(() -> PerformanceConfig.DEFAULT.withRiskFreeRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("risk_free_rate is NaN");
        assertThatThrownBy(() -> PerformanceConfig.DEFAULT.withVarConfidence(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("var_confidence is 1.0, must be in (0, 1)");
    }
}
