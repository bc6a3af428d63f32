package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;

class AroonTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOverWholeSeries() {
        double[][] ours = DATA.stream(new Aroon(25));
        Ttrc.assertMatches(ours[0], new AroonUpIndicator(DATA.ta4j(), 25), 25, 1e-12);
        Ttrc.assertMatches(ours[1], new AroonDownIndicator(DATA.ta4j(), 25), 25, 1e-12);
        Ttrc.assertMatches(ours[2], new AroonOscillatorIndicator(DATA.ta4j(), 25), 25, 1e-12);
    }

    @Test
    void test_update_tiesCountTheMostRecentBar() {
        // Aroon(2) over bars 3-5: highs 3.12, 3.12, 3.12 (tie: latest counts, 0 bars ago) -> up 100;
        // lows 3.08, 3.07, 3.08 -> lowest 1 bar ago -> down 50
        double[][] ours = DATA.stream(new Aroon(2), 5);
        assertThat(ours[0][4]).isCloseTo(100.0, within(1e-12));
        assertThat(ours[1][4]).isCloseTo(50.0, within(1e-12));
        assertThat(ours[2][4]).isCloseTo(50.0, within(1e-12));
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Aroon(25), 26);
    }
}
