package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DrawdownsTest {

    /*
     * Hand-derived: r = {0.10, -0.20, 0.05, 0.20, -0.10, 0.25, -0.05}
     * wealth 1 -> 1.1 -> 0.88 -> 0.924 -> 1.1088 -> 0.99792 -> 1.2474 -> 1.185030
     * running peak 1.1, 1.1, 1.1, 1.1088, 1.1088, 1.2474, 1.2474 (after each return)
     * drawdown 0, 0.88/1.1 - 1 = -0.2, 0.924/1.1 - 1 = -0.16, 0, 0.99792/1.1088 - 1 = -0.1, 0, 1.18503/1.2474 - 1 = -0.05
     */
    static final double[] RETURNS = {0.10, -0.20, 0.05, 0.20, -0.10, 0.25, -0.05};

    @Test
    void test_wealth_handDerivedFixture() {
        assertThat(Drawdowns.wealth(RETURNS))
                .containsExactly(new double[] {1, 1.1, 0.88, 0.924, 1.1088, 0.99792, 1.2474, 1.18503}, within(1e-12));
    }

    @Test
    void test_ofReturns_handDerivedFixture() {
        assertThat(Drawdowns.ofReturns(RETURNS))
                .containsExactly(new double[] {0, -0.2, -0.16, 0, -0.1, 0, -0.05}, within(1e-12));
    }

    @Test
    void test_ofReturns_firstPeriodLossIsDrawdownFromInitialWealth() {
        // wealth 1 -> 0.9 -> 1.08: the initial wealth is the first peak
        assertThat(Drawdowns.ofReturns(new double[] {-0.1, 0.2})).containsExactly(new double[] {-0.1, 0}, within(1e-15));
    }

    @Test
    void test_ofWealth_priceCurve() {
        // peaks 100, 120, 120, 130, 130 -> 0, 0, 90/120 - 1 = -0.25, 0, 80/130 - 1 = -0.384615384615
        assertThat(Drawdowns.ofWealth(new double[] {100, 120, 90, 130, 80}))
                .containsExactly(new double[] {0, 0, -0.25, 0, -0.384615384615}, within(1e-12));
    }

    @Test
    void test_ofReturns_rejectsReturnBelowTotalLoss() {
        assertThatThrownBy(() -> Drawdowns.ofReturns(new double[] {0.1, -1.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("returns[1] is -1.5, must be >= -1");
        assertThatThrownBy(() -> Drawdowns.ofWealth(new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("wealth[0] is 0.0, must be > 0");
    }
}
