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
}
