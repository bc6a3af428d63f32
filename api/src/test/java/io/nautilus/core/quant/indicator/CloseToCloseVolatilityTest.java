package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CloseToCloseVolatilityTest {

    private static final Ttrc DATA = Ttrc.DATA;

    /** Direct two-pass sample standard deviation of the window's log returns, annualized. */
    static double direct(int bar, int period, double periodsPerYear) {
        double[] r = new double[period];
        double mean = 0;
        for (int k = 0; k < period; k++) {
            int j = bar - period + 1 + k;
            r[k] = Math.log(DATA.close[j] / DATA.close[j - 1]);
            mean += r[k] / period;
        }
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (period - 1) * periodsPerYear);
    }

    @Test
    void test_update_handFixture() {
        // n = 3, 252 per year. Log returns 0.00969313, -0.00645164, 0.00323102, 0.00322061, 0.01594930.
        // Bar 4: sample variance of the first three = 6.6029e-5 -> sqrt(252 x 6.6029e-5) = 0.128992
        // (spreadsheet rows; bars 5 and 6 likewise)
        double[] ours = DATA.stream(new CloseToCloseVolatility(3, 252), 6)[0];
        assertThat(ours[2]).isNaN();
        assertThat(ours[3]).isCloseTo(0.12899215439947936, within(1e-12));
        assertThat(ours[4]).isCloseTo(0.0886953595573089, within(1e-12));
        assertThat(ours[5]).isCloseTo(0.11661268418080806, within(1e-12));
    }

    @Test
    void test_update_matchesDirectComputationOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new CloseToCloseVolatility(20, 252))[0], i -> direct(i, 20, 252), 20, 1e-9);
    }

    @Test
    void test_update_periodsPerYearScalesBySquareRoot() {
        double[] daily = DATA.stream(new CloseToCloseVolatility(20, 1))[0];
        double[] annual = DATA.stream(new CloseToCloseVolatility(20, 252))[0];
        Ttrc.assertMatches(annual, i -> daily[i] * Math.sqrt(252), 20, 1e-12);
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new CloseToCloseVolatility(20, 252), 21);
    }
}
