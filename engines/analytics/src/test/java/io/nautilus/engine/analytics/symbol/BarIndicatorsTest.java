package io.nautilus.engine.analytics.symbol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class BarIndicatorsTest {

    @Test
    void test_sma_meanOfLastN() {
        assertThat(BarIndicators.sma(new double[] {1, 2, 3, 4, 5}, 3).getAsDouble()).isEqualTo(4, within(1e-15));
        assertThat(BarIndicators.sma(new double[] {1, 2}, 3)).isEmpty();
    }

    /* EMA(3) of 1..6: seed SMA(1, 2, 3) = 2, alpha 0.5 -> 3, 4, 5. */
    @Test
    void test_ema_seededWithSma() {
        double[] e = BarIndicators.emaSeries(new double[] {1, 2, 3, 4, 5, 6}, 3);
        assertThat(e[0]).isNaN();
        assertThat(Arrays.copyOfRange(e, 2, 6)).containsExactly(2, 3, 4, 5);
        assertThat(BarIndicators.ema(new double[] {1, 2}, 3)).isEmpty();
    }

    /*
     * RSI(2) of 10, 11, 10.5, 11.5, 11: changes +1, -0.5, +1, -0.5.
     * seed gain (1 + 0) / 2 = 0.5, loss (0 + 0.5) / 2 = 0.25;
     * +1:   gain 0.5 + (1 - 0.5) / 2 = 0.75, loss 0.25 - 0.25 / 2 = 0.125;
     * -0.5: gain 0.75 - 0.75 / 2 = 0.375, loss 0.125 + (0.5 - 0.125) / 2 = 0.3125;
     * RS 1.2 -> RSI 100 - 100 / 2.2 = 54.5454...
     */
    @Test
    void test_rsi_wilderSmoothing() {
        assertThat(BarIndicators.rsi(new double[] {10, 11, 10.5, 11.5, 11}, 2).getAsDouble())
                .isEqualTo(100 - 100 / 2.2, within(1e-12));
        assertThat(BarIndicators.rsi(new double[] {1, 2, 3}, 2).getAsDouble()).isEqualTo(100);
        assertThat(BarIndicators.rsi(new double[] {1, 2}, 2)).isEmpty();
    }

    /*
     * ATR(2) of (h, l, c) = (11, 9, 10), (12, 10, 11), (11.5, 10.5, 11), (13, 11, 12.5):
     * TR = 12 - 10 = 2, 11.5 - 10.5 = 1, 13 - 11 = 2; seed (2 + 1) / 2 = 1.5; then 1.5 + (2 - 1.5) / 2 = 1.75.
     */
    @Test
    void test_atr_wilderOfTrueRange() {
        double[] h = {11, 12, 11.5, 13};
        double[] l = {9, 10, 10.5, 11};
        double[] c = {10, 11, 11, 12.5};
        assertThat(BarIndicators.atr(h, l, c, 2).getAsDouble()).isEqualTo(1.75, within(1e-15));
        assertThat(BarIndicators.atr(h, l, c, 4)).isEmpty();
    }

    @Test
    void test_standardSet_matchesIndependentPieces() {
        int n = 80;
        double[] close = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        for (int i = 0; i < n; i++) {
            close[i] = 100 + 10 * Math.sin(i / 7.0) + 0.1 * i;
            high[i] = close[i] + 1;
            low[i] = close[i] - 1.5;
        }
        var set = BarIndicators.standardSet(high, low, close);
        double[] last20 = Arrays.copyOfRange(close, n - 20, n);
        double mean20 = StatUtils.mean(last20);
        double sd20 = new StandardDeviation(false).evaluate(last20);
        assertThat(set.get("sma_20")).isEqualTo(mean20, within(1e-10));
        assertThat(set.get("sma_50")).isEqualTo(StatUtils.mean(Arrays.copyOfRange(close, n - 50, n)), within(1e-10));
        assertThat(set.get("bollinger_upper")).isEqualTo(mean20 + 2 * sd20, within(1e-10));
        assertThat(set.get("bollinger_lower")).isEqualTo(mean20 - 2 * sd20, within(1e-10));
        assertThat(set.get("macd")).isEqualTo(set.get("ema_12") - set.get("ema_26"), within(1e-10));
        assertThat(set.get("macd_histogram")).isEqualTo(set.get("macd") - set.get("macd_signal"), within(1e-12));
        assertThat(set.get("rsi_14")).isBetween(0.0, 100.0);
        assertThat(set.get("atr_14")).isGreaterThanOrEqualTo(2.5);

        var few = BarIndicators.standardSet(Arrays.copyOf(high, 30), Arrays.copyOf(low, 30), Arrays.copyOf(close, 30));
        assertThat(few.get("sma_50")).isNull();
        assertThat(few.get("macd_signal")).isNull();
        assertThat(few.get("macd")).isNotNull();
    }
}
