package io.nautilus.engine.risk.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Volatilities and correlations of the limit model, hand-derived. */
class RiskModelTest {
    // vols 0.02 and 0.03 per day, covariance 1.2e-4 -> correlation 1.2e-4 / (0.02 x 0.03) = 0.2; FLAT did not move
    private static final double[][] COVARIANCE = {{4e-4, 0, 1.2e-4}, {0, 0, 0}, {1.2e-4, 0, 9e-4}};

    @Test
    void test_constructor_volatilitiesAndCorrelation() {
        var m = new RiskModel(List.of("AAA", "FLAT", "BBB"), COVARIANCE);
        assertThat(m.volatility(m.row("AAA"))).isCloseTo(0.02, within(1e-16));
        assertThat(m.volatility(m.row("FLAT"))).isZero();
        assertThat(m.volatility(m.row("BBB"))).isCloseTo(0.03, within(1e-16));
        assertThat(m.correlationRow(0)).containsExactly(new double[] {1, 0, 0.2}, within(1e-15));
        // a zero-variance symbol is uncorrelated with everything (not an error): the convention of the model
        assertThat(m.correlationRow(1)).containsExactly(0, 1, 0);
        assertThat(m.correlationRow(2)).containsExactly(new double[] {0.2, 0, 1}, within(1e-15));
        assertThat(RiskModel.EMPTY.size()).isZero();
    }

    @Test
    void test_constructor_rejectsNegativeVarianceAndWrongShape() {
        assertThatThrownBy(() -> new RiskModel(List.of("A"), new double[][] {{-1e-4}}))
                .hasMessageContaining("covariance[0][0] must be >= 0");
        assertThatThrownBy(() -> new RiskModel(List.of("A", "B"), new double[][] {{1e-4}}))
                .hasMessageContaining("one row per symbol");
    }
}
