package io.nautilus.engine.analytics.symbol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.testkit.TtrcDaily;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * The route's indicator set against plain array formulas written out here (the route computed them this way
 * before it used the shared library): EMA, MACD, RSI and ATR perform the same floating-point operations, so
 * they must be identical to the bit; SMA and Bollinger come from rolling sums in the library and a two-pass mean
 * here, so they agree to rounding (a few ulps).
 */
class BarIndicatorsTest {

    private static final TtrcDaily DATA = TtrcDaily.DATA;
    private static final List<String> EXACT = List.of("ema_12", "ema_26", "rsi_14", "macd", "macd_signal",
            "macd_histogram", "atr_14");
    private static final List<String> ROUNDED = List.of("sma_20", "sma_50", "bollinger_upper",
            "bollinger_middle", "bollinger_lower");

    @Test
    void test_standardSet_keysInRouteOrder() {
        var set = BarIndicators.standardSet(window(DATA.high, 0, 250), window(DATA.low, 0, 250),
                window(DATA.close, 0, 250));
        assertThat(set.keySet()).containsExactly("sma_20", "sma_50", "ema_12", "ema_26", "rsi_14", "macd",
                "macd_signal", "macd_histogram", "bollinger_upper", "bollinger_middle", "bollinger_lower", "atr_14");
    }

    @Test
    void test_standardSet_matchesArrayFormulasOnTtrc() {
        for (int start = 0; start + 250 <= DATA.n; start += 397) {
            double[] h = window(DATA.high, start, 250);
            double[] l = window(DATA.low, start, 250);
            double[] c = window(DATA.close, start, 250);
            Map<String, Double> ours = BarIndicators.standardSet(h, l, c);
            Map<String, Double> expected = reference(h, l, c);
            for (String key : EXACT) {
                assertThat(ours.get(key)).as("%s at %d", key, start).isEqualTo(expected.get(key));
            }
            for (String key : ROUNDED) {
                double e = expected.get(key);
                assertThat(ours.get(key)).as("%s at %d", key, start).isCloseTo(e, within(2e-15 * Math.abs(e)));
            }
        }
    }

    @Test
    void test_standardSet_smaAndBollingerMatchCommonsMath() {
        int n = 250;
        double[] c = window(DATA.close, 1000, n);
        var set = BarIndicators.standardSet(window(DATA.high, 1000, n), window(DATA.low, 1000, n), c);
        double[] last20 = Arrays.copyOfRange(c, n - 20, n);
        double mean20 = StatUtils.mean(last20);
        double sd20 = new StandardDeviation(false).evaluate(last20);
        assertThat(set.get("sma_20")).isCloseTo(mean20, within(1e-12));
        assertThat(set.get("sma_50")).isCloseTo(StatUtils.mean(Arrays.copyOfRange(c, n - 50, n)), within(1e-12));
        assertThat(set.get("bollinger_upper")).isCloseTo(mean20 + 2 * sd20, within(1e-12));
        assertThat(set.get("bollinger_middle")).isCloseTo(mean20, within(1e-12));
        assertThat(set.get("bollinger_lower")).isCloseTo(mean20 - 2 * sd20, within(1e-12));
        assertThat(set.get("macd_histogram")).isEqualTo(set.get("macd") - set.get("macd_signal"));
    }

    @Test
    void test_standardSet_tooFewBarsAreNull() {
        var few = BarIndicators.standardSet(window(DATA.high, 0, 30), window(DATA.low, 0, 30),
                window(DATA.close, 0, 30));
        assertThat(few.get("sma_50")).isNull();
        assertThat(few.get("macd_signal")).isNull();
        assertThat(few.get("macd_histogram")).isNull();
        assertThat(few.get("macd")).isEqualTo(reference(window(DATA.high, 0, 30), window(DATA.low, 0, 30),
                window(DATA.close, 0, 30)).get("macd"));
    }

    /* A flat window has no gain and no loss: RSI is 0 / 0, absent (TA-Lib and ta4j print 0, the old route 100). */
    @Test
    void test_standardSet_flatSeriesRsiIsNull() {
        double[] flat = new double[60];
        Arrays.fill(flat, 12.5);
        var set = BarIndicators.standardSet(flat, flat, flat);
        assertThat(set).containsKey("rsi_14");
        assertThat(set.get("rsi_14")).isNull();
        assertThat(set.get("sma_20")).isEqualTo(12.5);
        assertThat(set.get("bollinger_upper")).isEqualTo(12.5);
        assertThat(set.get("atr_14")).isEqualTo(0.0);
        assertThat(set.get("macd")).isEqualTo(0.0);
    }

    @Test
    void test_standardSet_rejectsHighBelowLow() {
        double[] c = window(DATA.close, 0, 60);
        double[] h = c.clone();
        double[] l = c.clone();
        l[7] = h[7] + 1;
        assertThatThrownBy(() -> BarIndicators.standardSet(h, l, c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high[7]");
    }

    private static double[] window(double[] x, int start, int n) {
        return Arrays.copyOfRange(x, start, start + n);
    }

    /** The indicator set by plain array formulas: SMA-seeded EMAs, SMA-seeded Wilder averages, two-pass moments. */
    private static Map<String, Double> reference(double[] h, double[] l, double[] c) {
        int n = c.length;
        double[] ema12 = ema(c, 12);
        double[] ema26 = ema(c, 26);
        double[] macd = new double[Math.max(0, n - 25)];
        for (int i = 25; i < n; i++) {
            macd[i - 25] = ema12[i] - ema26[i];
        }
        double[] signal = ema(macd, 9);
        double gain = 0;
        double loss = 0;
        double atr = 0;
        for (int i = 1; i < n; i++) {
            double d = c[i] - c[i - 1];
            double tr = Math.max(h[i], c[i - 1]) - Math.min(l[i], c[i - 1]);
            if (i <= 14) {
                gain += Math.max(d, 0);
                loss += Math.max(-d, 0);
                atr += tr;
                if (i == 14) {
                    gain /= 14;
                    loss /= 14;
                    atr /= 14;
                }
            } else {
                gain += (Math.max(d, 0) - gain) / 14;
                loss += (Math.max(-d, 0) - loss) / 14;
                atr += (tr - atr) / 14;
            }
        }
        double mean20 = mean(c, 20);
        double sd20 = 0;
        for (int i = n - 20; i < n; i++) {
            sd20 += (c[i] - mean20) * (c[i] - mean20);
        }
        sd20 = Math.sqrt(sd20 / 20);
        Map<String, Double> m = new HashMap<>();
        m.put("sma_20", mean20);
        m.put("sma_50", n >= 50 ? mean(c, 50) : null);
        m.put("ema_12", ema12[n - 1]);
        m.put("ema_26", ema26[n - 1]);
        m.put("rsi_14", 100 - 100 / (1 + gain / loss));
        m.put("macd", macd.length == 0 ? null : macd[macd.length - 1]);
        m.put("macd_signal", signal.length < 9 ? null : signal[signal.length - 1]);
        m.put("macd_histogram", signal.length < 9 ? null : macd[macd.length - 1] - signal[signal.length - 1]);
        m.put("bollinger_upper", mean20 + 2 * sd20);
        m.put("bollinger_middle", mean20);
        m.put("bollinger_lower", mean20 - 2 * sd20);
        m.put("atr_14", atr);
        return m;
    }

    private static double mean(double[] x, int last) {
        double sum = 0;
        for (int i = x.length - last; i < x.length; i++) {
            sum += x[i];
        }
        return sum / last;
    }

    private static double[] ema(double[] x, int n) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        if (x.length < n) {
            return out;
        }
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += x[i];
        }
        value /= n;
        out[n - 1] = value;
        for (int i = n; i < x.length; i++) {
            value += 2.0 / (n + 1) * (x[i] - value);
            out[i] = value;
        }
        return out;
    }
}
