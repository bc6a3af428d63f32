package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;

class ZScoreTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jPopulationZScore() {
        var close = new ClosePriceIndicator(DATA.ta4j());
        var reference = NumericIndicator.of(close).minus(new SMAIndicator(close, 20))
                .dividedBy(new StandardDeviationIndicator(close, 20));
        Ttrc.assertMatches(DATA.stream(new ZScore(20))[0], reference, 19, 1e-10);
    }

    @Test
    void test_update_handFixture() {
        // window 3.08, 3.11, 3.09: (3.09 - 3.093333) / 0.012472 = -0.267261; window 3.09, 3.10, 3.11: 1.224745
        double[] ours = DATA.stream(new ZScore(3), 5)[0];
        assertThat(ours[2]).isCloseTo(-0.267261241912432, within(1e-9));
        assertThat(ours[4]).isCloseTo(1.2247448713916163, within(1e-9));
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new ZScore(20), 20);
    }
}
