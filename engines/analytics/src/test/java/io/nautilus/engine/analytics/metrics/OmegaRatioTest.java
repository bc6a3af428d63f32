package io.nautilus.engine.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OmegaRatioTest {

    private static final double[] RETURNS = {0.02, -0.01, 0.03, -0.02, 0.01, 0.00, 0.05, -0.03};

    @Test
    void test_of_handDerivedFixture() {
        // threshold 0: gains 0.02 + 0.03 + 0.01 + 0.05 = 0.11, losses 0.01 + 0.02 + 0.03 = 0.06 -> 1.833333
        assertThat(OmegaRatio.of(RETURNS, 0).getAsDouble()).isEqualTo(0.11 / 0.06, within(1e-12));
        // threshold 0.01: r - L = 0.01, -0.02, 0.02, -0.03, 0, -0.01, 0.04, -0.04 -> gains 0.07, losses 0.10 -> 0.7
        assertThat(OmegaRatio.of(RETURNS, 0.01).getAsDouble()).isEqualTo(0.7, within(1e-12));
    }

    @Test
    void test_of_emptyWhenNothingBelowThreshold() {
        assertThat(OmegaRatio.of(RETURNS, -0.05)).isEmpty();
    }
}
