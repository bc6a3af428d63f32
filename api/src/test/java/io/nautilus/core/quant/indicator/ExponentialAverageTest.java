package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExponentialAverageTest {

    @Test
    void test_update_emaSeededWithSma() {
        // EMA(3): inputs 1, 2, 3 -> seed 2; then alpha 0.5: 2 + 0.5 (6 - 2) = 4; 4 + 0.5 (0 - 4) = 2
        ExponentialAverage ema = ExponentialAverage.ema(3);
        assertThat(ema.update(1)).isNaN();
        assertThat(ema.update(2)).isNaN();
        assertThat(ema.isReady()).isFalse();
        assertThat(ema.update(3)).isEqualTo(2.0);
        assertThat(ema.isReady()).isTrue();
        assertThat(ema.update(6)).isCloseTo(4.0, within(1e-15));
        assertThat(ema.update(0)).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void test_update_wilderUsesOneOverPeriod() {
        // Wilder(4): seed mean(4, 8, 4, 8) = 6; then 6 + (10 - 6) / 4 = 7
        ExponentialAverage wilder = ExponentialAverage.wilder(4);
        wilder.update(4);
        wilder.update(8);
        wilder.update(4);
        assertThat(wilder.update(8)).isEqualTo(6.0);
        assertThat(wilder.update(10)).isCloseTo(7.0, within(1e-15));
        wilder.reset();
        assertThat(wilder.value()).isNaN();
        assertThat(wilder.isReady()).isFalse();
    }
}
