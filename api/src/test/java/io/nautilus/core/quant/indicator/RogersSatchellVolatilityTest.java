package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RogersSatchellVolatilityTest {

    private static final Ttrc DATA = Ttrc.DATA;

    static double direct(int bar, int period) {
        double sum = 0;
        for (int j = bar - period + 1; j <= bar; j++) {
            double o = DATA.open[j];
            double h = DATA.high[j];
            double l = DATA.low[j];
            double c = DATA.close[j];
            sum += Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
        }
        return Math.sqrt(252.0 / period * sum);
    }

    @Test
    void test_update_handFixture() {
        // per-bar terms ln(H/C) ln(H/O) + ln(L/C) ln(L/O): 0 (bar 1: O = H, C = L), 2.45772e-4, 6.24376e-5;
        // n = 3: sqrt(84 x 3.08209e-4) = 0.160902 (spreadsheet rows; bars 4, 5 likewise)
        double[] ours = DATA.stream(new RogersSatchellVolatility(3, 252), 5)[0];
        assertThat(ours[2]).isCloseTo(0.1609023612745347, within(1e-12));
        assertThat(ours[3]).isCloseTo(0.19082243672419308, within(1e-12));
        assertThat(ours[4]).isCloseTo(0.15090604917185033, within(1e-12));
    }

    @Test
    void test_update_matchesDirectComputationOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new RogersSatchellVolatility(20, 252))[0], i -> direct(i, 20), 19, 1e-10);
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new RogersSatchellVolatility(20, 252), 20);
    }
}
