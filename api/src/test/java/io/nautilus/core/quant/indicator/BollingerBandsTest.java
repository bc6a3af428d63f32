package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

class BollingerBandsTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jPopulationStdOverWholeSeries() {
        double[][] ours = DATA.stream(new BollingerBands(20, 2));
        ClosePriceIndicator close = new ClosePriceIndicator(DATA.ta4j());
        var middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        var deviation = new StandardDeviationIndicator(close, 20);
        var upper = new BollingerBandsUpperIndicator(middle, deviation);
        var lower = new BollingerBandsLowerIndicator(middle, deviation);
        Indicator<Num> width = new BollingerBandWidthIndicator(upper, middle, lower);
        Ttrc.assertMatches(ours[0], upper, 19, 1e-12);
        Ttrc.assertMatches(ours[1], middle, 19, 1e-12);
        Ttrc.assertMatches(ours[2], lower, 19, 1e-12);
        Ttrc.assertMatches(ours[3], new PercentBIndicator(close, 20, 2), 19, 1e-11);
        // ta4j's bandwidth is in percent, ours a fraction
        Ttrc.assertMatches(ours[4], i -> width.getValue(i).doubleValue() / 100, 19, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // closes 3.08, 3.11, 3.09: mean 3.093333, population variance (0.013333^2 + 0.016667^2 + 0.003333^2) / 3
        // = 0.00015556, std 0.012472; upper = mean + 2 std = 3.118277; close 3.09 is z = -0.267261 std from the
        // mean, so %b = (2 + z) / 4 = 0.433185
        double std = Math.sqrt((Math.pow(3.08 - 9.28 / 3, 2) + Math.pow(3.11 - 9.28 / 3, 2)
                + Math.pow(3.09 - 9.28 / 3, 2)) / 3);
        double[][] ours = DATA.stream(new BollingerBands(3, 2), 3);
        assertThat(ours[0][2]).isCloseTo(9.28 / 3 + 2 * std, within(1e-12));
        assertThat(ours[0][2]).isCloseTo(3.118277, within(1e-6));
        assertThat(ours[3][2]).isCloseTo(0.433185, within(1e-6));
        assertThat(ours[4][2]).isCloseTo(4 * std / (9.28 / 3), within(1e-12));
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new BollingerBands(20, 2), 20);
    }
}
