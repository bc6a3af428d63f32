package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GarmanKlassVolatilityTest {

    private static final Ttrc DATA = Ttrc.DATA;

    static double direct(int bar, int period) {
        double sum = 0;
        for (int j = bar - period + 1; j <= bar; j++) {
            double hl = Math.log(DATA.high[j] / DATA.low[j]);
            double co = Math.log(DATA.close[j] / DATA.open[j]);
            sum += 0.5 * hl * hl - (2 * Math.log(2) - 1) * co * co;
        }
        return Math.sqrt(252.0 / period * sum);
    }

    @Test
    void test_update_handFixture() {
        // per-bar terms 0.5 ln(H/L)^2 - (2 ln 2 - 1) ln(C/O)^2: 1.16083e-4, 1.68844e-4, 6.71700e-5, ...;
        // n = 3: sqrt(252 / 3 x 3.52097e-4) = 0.171977 (spreadsheet rows; bars 4, 5 likewise)
        double[] ours = DATA.stream(new GarmanKlassVolatility(3, 252), 5)[0];
        assertThat(ours[2]).isCloseTo(0.17197699494669264, within(1e-12));
        assertThat(ours[3]).isCloseTo(0.17449448269411538, within(1e-12));
        assertThat(ours[4]).isCloseTo(0.15139945681744912, within(1e-12));
    }

    @Test
    void test_update_matchesDirectComputationOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new GarmanKlassVolatility(20, 252))[0], i -> direct(i, 20), 19, 1e-10);
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new GarmanKlassVolatility(20, 252), 20);
    }
}
