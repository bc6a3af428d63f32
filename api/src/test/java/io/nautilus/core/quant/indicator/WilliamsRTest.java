package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.WilliamsRIndicator;

class WilliamsRTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new WilliamsR(14))[0], new WilliamsRIndicator(DATA.ta4j(), 14), 13, 1e-12);
    }

    @Test
    void test_update_handFixtureAndZeroRange() {
        // bar 3: highest high 3.18, lowest low 3.08, close 3.09 -> -100 x 0.09 / 0.10 = -90
        assertThat(DATA.stream(new WilliamsR(3), 3)[0][2]).isCloseTo(-90.0, within(1e-9));
        WilliamsR flat = new WilliamsR(1);
        flat.update(5, 5, 5, 5, 1);
        assertThat(flat.isReady()).isTrue();
        assertThat(flat.value()).isNaN();
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new WilliamsR(14), 14);
    }
}
