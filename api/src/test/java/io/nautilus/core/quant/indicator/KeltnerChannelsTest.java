package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;

class KeltnerChannelsTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jOnCloseAfterSeedDecays() {
        // ta4j's default middle line is an EMA of the typical price; built on the close it is our convention
        // up to the EMA/ATR seeds, which have decayed after 500 bars.
        double[][] ours = DATA.stream(new KeltnerChannels(20, 10, 2));
        var middle = new KeltnerChannelMiddleIndicator(new ClosePriceIndicator(DATA.ta4j()), 20);
        var atr = new ATRIndicator(DATA.ta4j(), 10);
        Ttrc.assertMatches(ours[0], new KeltnerChannelUpperIndicator(middle, atr, 2), 500, 1e-12);
        Ttrc.assertMatches(ours[1], middle, 500, 1e-12);
        Ttrc.assertMatches(ours[2], new KeltnerChannelLowerIndicator(middle, atr, 2), 500, 1e-12);
    }

    @Test
    void test_update_equalsEmaPlusMinusAtrFromFirstValue() {
        double[][] ours = DATA.stream(new KeltnerChannels(20, 10, 1.5));
        double[] ema = DATA.stream(new Ema(20))[0];
        double[] atr = DATA.stream(new Atr(10))[0];
        Ttrc.assertMatches(ours[1], i -> ema[i], 19, 0);
        Ttrc.assertMatches(ours[0], i -> ema[i] + 1.5 * atr[i], 19, 1e-15);
        Ttrc.assertMatches(ours[2], i -> ema[i] - 1.5 * atr[i], 19, 1e-15);
    }

    @Test
    void test_warmup_isMaxOfPeriodAndAtrWarmup() {
        DATA.assertWarmup(() -> new KeltnerChannels(20, 10, 2), 20);
        DATA.assertWarmup(() -> new KeltnerChannels(5, 10, 2), 11);
    }
}
