package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.CCIIndicator;

class CciTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new Cci(20))[0], new CCIIndicator(DATA.ta4j(), 20), 19, 1e-10);
    }

    @Test
    void test_update_handFixture() {
        // typical prices 3.113333, 3.116667, 3.096667: mean 3.108889, mean abs deviation 0.008148;
        // CCI(3) = (3.096667 - 3.108889) / (0.015 x 0.008148) = -100
        assertThat(DATA.stream(new Cci(3), 3)[0][2]).isCloseTo(-100.0, within(1e-6));
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new Cci(20), 20);
    }
}
