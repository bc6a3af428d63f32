package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class YangZhangVolatilityTest {

    private static final Ttrc DATA = Ttrc.DATA;

    private static double sampleVariance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }

    static double direct(int bar, int period) {
        double[] overnight = new double[period];
        double[] openToClose = new double[period];
        double rs = 0;
        for (int k = 0; k < period; k++) {
            int j = bar - period + 1 + k;
            overnight[k] = Math.log(DATA.open[j] / DATA.close[j - 1]);
            openToClose[k] = Math.log(DATA.close[j] / DATA.open[j]);
            rs += (Math.log(DATA.high[j] / DATA.close[j]) * Math.log(DATA.high[j] / DATA.open[j])
                    + Math.log(DATA.low[j] / DATA.close[j]) * Math.log(DATA.low[j] / DATA.open[j])) / period;
        }
        double k = 0.34 / (1.34 + (period + 1.0) / (period - 1.0));
        return Math.sqrt(252 * (sampleVariance(overnight) + k * sampleVariance(openToClose) + (1 - k) * rs));
    }

    @Test
    void test_update_handFixture() {
        // n = 3, k = 0.34 / (1.34 + 4/2) = 0.101796. Bar 4: overnight ln(O/C[1]) over bars 2-4, open-to-close
        // ln(C/O) over bars 2-4 (sample variances) and the mean Rogers-Satchell term of bars 2-4:
        // sqrt(252 (s2o + k s2c + (1 - k) rs)) = 0.186403 (spreadsheet rows; bars 5, 6 likewise)
        double[] ours = DATA.stream(new YangZhangVolatility(3, 252), 6)[0];
        assertThat(ours[2]).isNaN();
        assertThat(ours[3]).isCloseTo(0.18640307249910654, within(1e-12));
        assertThat(ours[4]).isCloseTo(0.14579191321670237, within(1e-12));
        assertThat(ours[5]).isCloseTo(0.17456946498866535, within(1e-12));
    }

    @Test
    void test_update_matchesDirectComputationOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new YangZhangVolatility(20, 252))[0], i -> direct(i, 20), 20, 1e-9);
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new YangZhangVolatility(20, 252), 21);
    }
}
