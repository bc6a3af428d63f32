package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParkinsonVolatilityTest {

    private static final Ttrc DATA = Ttrc.DATA;

    static double direct(int bar, int period) {
        double sum = 0;
        for (int j = bar - period + 1; j <= bar; j++) {
            double hl = Math.log(DATA.high[j] / DATA.low[j]);
            sum += hl * hl;
        }
        return Math.sqrt(252 / (4 * period * Math.log(2)) * sum);
    }

    @Test
    void test_update_handFixture() {
        // n = 3: ln(3.18/3.08)^2 = 1.0218e-3, ln(3.15/3.09)^2 = 3.7040e-4, ln(3.12/3.08)^2 = 1.6640e-4;
        // sqrt(252 / (12 ln 2) x 1.5586e-3) = 0.217208 (spreadsheet rows; bars 4, 5 likewise)
        double[] ours = DATA.stream(new ParkinsonVolatility(3, 252), 5)[0];
        assertThat(ours[1]).isNaN();
        assertThat(ours[2]).isCloseTo(0.21720798630224725, within(1e-12));
        assertThat(ours[3]).isCloseTo(0.15542435380386152, within(1e-12));
        assertThat(ours[4]).isCloseTo(0.13414915204312014, within(1e-12));
    }

    @Test
    void test_update_matchesDirectComputationOverWholeSeries() {
        Ttrc.assertMatches(DATA.stream(new ParkinsonVolatility(20, 252))[0], i -> direct(i, 20), 19, 1e-10);
    }

    @Test
    void test_warmup_isPeriod() {
        DATA.assertWarmup(() -> new ParkinsonVolatility(20, 252), 20);
    }
}
