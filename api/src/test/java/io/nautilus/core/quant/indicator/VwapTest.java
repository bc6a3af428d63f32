package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.volume.VWAPIndicator;

class VwapTest {

    private static final Ttrc DATA = Ttrc.DATA;
    private static final int SESSION = 7;

    @Test
    void test_update_matchesTa4jWindowCoveringTheSession() {
        // sessions of 7 bars; at position p of a session our VWAP equals ta4j's VWAP over the last p + 1 bars
        VWAPIndicator[] reference = new VWAPIndicator[SESSION];
        for (int p = 0; p < SESSION; p++) {
            reference[p] = new VWAPIndicator(DATA.ta4j(), p + 1);
        }
        Vwap vwap = new Vwap();
        for (int i = 0; i < DATA.n; i++) {
            if (i % SESSION == 0) {
                vwap.startSession();
            }
            vwap.update(DATA.open[i], DATA.high[i], DATA.low[i], DATA.close[i], DATA.volume[i]);
            double expected = reference[i % SESSION].getValue(i).doubleValue();
            assertThat(vwap.value()).as("bar %d", i).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void test_update_handFixture() {
        // TP 3.113333 x 1870906 + 3.116667 x 3099506 over 4970412 shares = 3.115412
        double[] ours = DATA.stream(new Vwap(), 2)[0];
        double expected = (9.34 / 3 * 1870906 + 9.35 / 3 * 3099506) / (1870906 + 3099506);
        assertThat(ours[1]).isCloseTo(expected, within(1e-12)).isCloseTo(3.115412, within(1e-6));
    }

    @Test
    void test_startSession_absentUntilFirstBarOfSession() {
        Vwap vwap = new Vwap();
        assertThat(vwap.isReady()).isFalse();
        vwap.update(10, 12, 8, 10, 100);
        assertThat(vwap.isReady()).isTrue();
        assertThat(vwap.value()).isCloseTo(10.0, within(1e-12));
        vwap.startSession();
        assertThat(vwap.isReady()).isFalse();
        assertThat(vwap.value()).isNaN();
        vwap.update(20, 21, 19, 20, 50);
        assertThat(vwap.value()).isCloseTo(20.0, within(1e-12));
        DATA.assertWarmup(Vwap::new, 1);
    }
}
