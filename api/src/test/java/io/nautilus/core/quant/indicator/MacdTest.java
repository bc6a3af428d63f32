package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

class MacdTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        double[][] ours = DATA.stream(new Macd(12, 26, 9));
        MACDIndicator reference = new MACDIndicator(new ClosePriceIndicator(DATA.ta4j()), 12, 26);
        Ttrc.assertMatches(ours[0], reference, 500, 1e-12);
        Ttrc.assertMatches(ours[1], reference.getSignalLine(9), 500, 1e-12);
        Ttrc.assertMatches(ours[2], reference.getHistogram(9), 500, 1e-12);
    }

    @Test
    void test_update_signalIsEmaOfLineFixture() {
        // MACD(2, 3, 2): EMA2 and EMA3 SMA-seeded; line = -0.0016667 at bar 3, 0.00055556, 0.0024074;
        // signal seeded at bar 4 with the mean of the first two line values = -0.00055556, then
        // s += 2/3 (line - s) = 0.0014198 (spreadsheet rows)
        double[][] ours = DATA.stream(new Macd(2, 3, 2), 5);
        assertThat(ours[0][2]).isCloseTo(-0.0016666666666669272, within(1e-12));
        assertThat(ours[1][2]).isNaN();
        assertThat(ours[0][3]).isCloseTo(0.0005555555555556424, within(1e-12));
        assertThat(ours[1][3]).isCloseTo(-0.0005555555555556424, within(1e-12));
        assertThat(ours[2][3]).isCloseTo(0.0005555555555556424 + 0.0005555555555556424, within(1e-12));
        assertThat(ours[1][4]).isCloseTo(0.00141975308641958, within(1e-12));
    }

    @Test
    void test_warmup_lineAtSlowSignalAtSlowPlusSignalMinusOne() {
        double[][] ours = DATA.stream(new Macd(12, 26, 9), 60);
        assertThat(Ttrc.firstValue(ours[0])).isEqualTo(25);
        assertThat(Ttrc.firstValue(ours[1])).isEqualTo(33);
        assertThat(Ttrc.firstValue(ours[2])).isEqualTo(33);
        DATA.assertWarmup(() -> new Macd(12, 26, 9), 34);
    }

    @Test
    void test_constructor_rejectsFastNotBelowSlow() {
        assertThatThrownBy(() -> new Macd(26, 26, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fast");
    }
}
