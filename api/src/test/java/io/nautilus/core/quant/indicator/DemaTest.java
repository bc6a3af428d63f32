package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.averages.DoubleEMAIndicator;

class DemaTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        // ta4j seeds both EMAs with their first input; after 300 bars the seeds have decayed below 1e-12.
        double[] ours = DATA.stream(new Dema(20))[0];
        Ttrc.assertMatches(ours, new DoubleEMAIndicator(new ClosePriceIndicator(DATA.ta4j()), 20), 300, 1e-12);
    }

    @Test
    void test_update_taLibSeedFixture() {
        // DEMA(2), alpha = 2/3, closes 3.08, 3.11, 3.09, 3.10, 3.11: E1 = 3.095 (SMA seed), 3.091667, 3.097222,
        // 3.106574; E2 seeded at bar 3 with (3.095 + 3.091667) / 2 = 3.093333, then 3.095926;
        // DEMA = 2 E1 - E2 = 3.09, 3.098519, 3.109012 (spreadsheet rows)
        double[] ours = DATA.stream(new Dema(2), 5)[0];
        assertThat(ours[1]).isNaN();
        assertThat(ours[2]).isCloseTo(3.09, within(1e-12));
        assertThat(ours[3]).isCloseTo(3.0985185185185187, within(1e-12));
        assertThat(ours[4]).isCloseTo(3.1090123456790124, within(1e-12));
    }

    @Test
    void test_warmup_isTwoPeriodsMinusOne() {
        DATA.assertWarmup(() -> new Dema(20), 39);
    }
}
