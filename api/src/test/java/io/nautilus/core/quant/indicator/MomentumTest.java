package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.numeric.NumericIndicator;

class MomentumTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jDifferenceOverWholeSeries() {
        NumericIndicator close = NumericIndicator.closePrice(DATA.ta4j());
        Ttrc.assertMatches(DATA.stream(new Momentum(10))[0], close.minus(close.previous(10)), 10, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // MOM(2) at bar 4: 3.10 - 3.11 = -0.01
        assertThat(DATA.stream(new Momentum(2), 4)[0][3]).isCloseTo(-0.01, within(1e-12));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Momentum(10), 11);
    }
}
