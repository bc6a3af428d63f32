package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;

class WmaTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        double[] ours = DATA.stream(new Wma(20))[0];
        Ttrc.assertMatches(ours, new WMAIndicator(new ClosePriceIndicator(DATA.ta4j()), 20), 19, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // WMA(3) at bar 3: (1 x 3.08 + 2 x 3.11 + 3 x 3.09) / 6 = 18.57 / 6 = 3.095;
        // bar 4: (3.11 + 2 x 3.09 + 3 x 3.10) / 6 = 18.59 / 6
        double[] ours = DATA.stream(new Wma(3), 4)[0];
        assertThat(ours[2]).isCloseTo(3.095, within(1e-12));
        assertThat(ours[3]).isCloseTo(18.59 / 6, within(1e-12));
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new Wma(10), 10);
    }
}
