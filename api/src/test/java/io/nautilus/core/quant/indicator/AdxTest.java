package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;

class AdxTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        // ta4j seeds every Wilder average with its first value; after 600 bars all seeds have decayed.
        double[][] ours = DATA.stream(new Adx(14));
        Ttrc.assertMatches(ours[0], new ADXIndicator(DATA.ta4j(), 14), 600, 1e-11);
        Ttrc.assertMatches(ours[1], new PlusDIIndicator(DATA.ta4j(), 14), 600, 1e-11);
        Ttrc.assertMatches(ours[2], new MinusDIIndicator(DATA.ta4j(), 14), 600, 1e-11);
    }

    @Test
    void test_update_seedFixture() {
        // ADX(2) on the first 6 bars: +DM 0, 0, 0, 0, 0.05; -DM 0, 0.01, 0.01, 0, 0; TR 0.07, 0.04, 0.05, 0.04,
        // 0.07. Means of the first two: +DM 0, -DM 0.005, TR 0.055 -> +DI 0, -DI 9.0909 at bar 3; Wilder
        // steps give -DI 14.2857, 8.1081 and +DI 43.0108 at bar 6; DX 100, 100, 100, 86.0465;
        // ADX = mean(100, 100) = 100 at bar 4, then 100, 93.0233 (spreadsheet rows)
        double[][] ours = DATA.stream(new Adx(2), 6);
        assertThat(ours[1][2]).isCloseTo(0.0, within(1e-9));
        assertThat(ours[2][2]).isCloseTo(9.090909090908907, within(1e-9));
        assertThat(ours[0][2]).isNaN();
        assertThat(ours[0][3]).isCloseTo(100.0, within(1e-9));
        assertThat(ours[2][3]).isCloseTo(14.285714285714377, within(1e-9));
        assertThat(ours[0][5]).isCloseTo(93.02325581395341, within(1e-9));
        assertThat(ours[1][5]).isCloseTo(43.01075268817193, within(1e-9));
    }

    @Test
    void test_warmup_diAfterPeriodPlusOneAdxAfterTwoPeriods() {
        double[][] ours = DATA.stream(new Adx(14), 40);
        assertThat(Ttrc.firstValue(ours[1])).isEqualTo(14);
        assertThat(Ttrc.firstValue(ours[2])).isEqualTo(14);
        assertThat(Ttrc.firstValue(ours[0])).isEqualTo(27);
        DATA.assertWarmup(() -> new Adx(14), 28);
    }
}
