package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.RSIIndicator;

class RsiTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        // ta4j's Wilder averages start from the first change; the seeds decay as (13/14)^k.
        double[] ours = DATA.stream(new Rsi(14))[0];
        Ttrc.assertMatches(ours, new RSIIndicator(new ClosePriceIndicator(DATA.ta4j()), 14), 500, 1e-12);
    }

    @Test
    void test_update_taLibSeedFixture() {
        // RSI(3): changes +0.03, -0.02, +0.01, +0.01, +0.05; seed avgGain = 0.04/3, avgLoss = 0.02/3 -> 66.667;
        // then avg = (2 avg + x) / 3: 73.333, 89.333 (spreadsheet rows)
        double[] ours = DATA.stream(new Rsi(3), 6)[0];
        assertThat(ours[2]).isNaN();
        assertThat(ours[3]).isCloseTo(66.66666666666666, within(1e-9));
        assertThat(ours[4]).isCloseTo(73.33333333333321, within(1e-9));
        assertThat(ours[5]).isCloseTo(89.33333333333334, within(1e-9));
    }

    /*
     * RSI(2) of 10, 11, 10.5, 11.5, 11: changes +1, -0.5, +1, -0.5.
     * seed gain (1 + 0) / 2 = 0.5, loss (0 + 0.5) / 2 = 0.25;
     * +1:   gain 0.5 + (1 - 0.5) / 2 = 0.75, loss 0.25 - 0.25 / 2 = 0.125;
     * -0.5: gain 0.75 - 0.75 / 2 = 0.375, loss 0.125 + (0.5 - 0.125) / 2 = 0.3125;
     * RS 1.2 -> RSI 100 - 100 / 2.2 = 54.5454...
     */
    @Test
    void test_update_wilderHandFixture() {
        assertThat(last(new Rsi(2), 10, 11, 10.5, 11.5, 11)).isCloseTo(100 - 100 / 2.2, within(1e-12));
    }

    /* No loss in the window: RS infinite, RSI 100; no gain: 0; neither (flat window): 0 / 0, no value. */
    @Test
    void test_update_oneSidedAndFlatWindows() {
        assertThat(last(new Rsi(2), 1, 2, 3, 4)).isEqualTo(100.0);
        assertThat(last(new Rsi(2), 4, 3, 2, 1)).isEqualTo(0.0);
        Rsi flat = new Rsi(2);
        assertThat(last(flat, 5, 5, 5, 5)).isNaN();
        assertThat(flat.isReady()).isTrue();
        // a gain after the flat stretch: gain 0 + (1 - 0) / 2 = 0.5, loss 0 -> 100
        flat.update(Double.NaN, Double.NaN, Double.NaN, 6, Double.NaN);
        assertThat(flat.value()).isEqualTo(100.0);
    }

    private static double last(Rsi rsi, double... closes) {
        for (double c : closes) {
            rsi.update(Double.NaN, Double.NaN, Double.NaN, c, Double.NaN);
        }
        return rsi.value();
    }

    @Test
    void test_warmup_isPeriodPlusOne() {
        DATA.assertWarmup(() -> new Rsi(14), 15);
    }
}
