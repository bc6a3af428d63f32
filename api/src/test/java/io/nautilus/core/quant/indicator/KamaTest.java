package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.averages.KAMAIndicator;

class KamaTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jFromFirstValue() {
        // ta4j's KAMA starts from the previous close like TA-Lib, so the series agree from the first value on.
        double[] ours = DATA.stream(new Kama(10, 2, 30))[0];
        Ttrc.assertMatches(ours, new KAMAIndicator(new ClosePriceIndicator(DATA.ta4j()), 10, 2, 30), 10, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // KAMA(2, 2, 30) at bar 3: direction |3.09 - 3.08| = 0.01, volatility 0.03 + 0.02 = 0.05, ER = 0.2,
        // SC = (0.2 (2/3 - 2/31) + 2/31)^2 = 0.0341676...; KAMA = 3.11 + SC (3.09 - 3.11)
        double sc = Math.pow(0.2 * (2.0 / 3 - 2.0 / 31) + 2.0 / 31, 2);
        double[] ours = DATA.stream(new Kama(2, 2, 30), 3)[0];
        assertThat(ours[2]).isCloseTo(3.11 + sc * (3.09 - 3.11), within(1e-12));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Kama(10, 2, 30), 11);
    }
}
