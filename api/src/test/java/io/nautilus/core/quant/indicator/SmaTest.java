package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;

class SmaTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        double[] ours = DATA.stream(new Sma(20))[0];
        Ttrc.assertMatches(ours, new SMAIndicator(new ClosePriceIndicator(DATA.ta4j()), 20), 19, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // ttrc closes 3.08, 3.11, 3.09, 3.10: SMA(3) = 9.28/3 then 9.30/3
        double[][] out = DATA.stream(new Sma(3), 4);
        assertThat(out[0][2]).isCloseTo(3.0933333333333333, within(1e-12));
        assertThat(out[0][3]).isCloseTo(3.1, within(1e-12));
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new Sma(20), 20);
        DATA.assertWarmup(() -> new Sma(1), 1);
    }

    @Test
    void test_constructor_rejectsPeriodBelowOne() {
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }
}
