package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class CmoTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new Cmo(14))[0], new CMOIndicator(new ClosePriceIndicator(DATA.ta4j()), 14),
                14, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // CMO(3) at bar 4: changes +0.03, -0.02, +0.01 -> 100 (0.04 - 0.02) / 0.06 = 33.333
        assertThat(DATA.stream(new Cmo(3), 4)[0][3]).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Cmo(14), 15);
    }
}
