package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReturnsTest {

    /* 100 -> 110 -> 99 -> 99: +10%, -10%, 0. */
    @Test
    void test_simple_consecutiveRatiosMinusOne() {
        assertThat(Returns.simple(new double[] {100, 110, 99, 99}))
                .containsExactly(new double[] {0.1, -0.1, 0}, within(1e-15));
        assertThat(Returns.simple(new double[] {100})).isEmpty();
        assertThat(Returns.simple(new double[0])).isEmpty();
    }

    @Test
    void test_simple_rejectsNonFiniteValuesNamingTheIndex() {
        assertThatThrownBy(() -> Returns.simple(new double[] {100, Double.NaN, 101}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[1]");
    }

    /* Two assets over three periods: A 100 -> 110 -> 99 (+10%, -10%), B 50 -> 40 -> 50 (-20%, +25%). */
    @Test
    void test_simplePanel_perAssetColumns() {
        double[][] r = Returns.simple(new double[][] {{100, 50}, {110, 40}, {99, 50}});
        assertThat(r).hasDimensions(2, 2);
        assertThat(r[0]).containsExactly(new double[] {0.1, -0.2}, within(1e-15));
        assertThat(r[1]).containsExactly(new double[] {-0.1, 0.25}, within(1e-15));
        assertThat(Returns.simple(new double[][] {{100, 50}})).isEmpty();
    }

    @Test
    void test_simplePanel_rejectsRaggedRowsAndNonFiniteValues() {
        assertThatThrownBy(() -> Returns.simple(new double[][] {{100, 50}, {110}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pricesByPeriod[1]");
        assertThatThrownBy(() -> Returns.simple(new double[][] {{100, 50}, {110, Double.POSITIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pricesByPeriod[1]");
    }
}
