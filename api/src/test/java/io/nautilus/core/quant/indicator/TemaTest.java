package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.averages.TripleEMAIndicator;

class TemaTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jAfterSeedDecays() {
        double[] ours = DATA.stream(new Tema(20))[0];
        Ttrc.assertMatches(ours, new TripleEMAIndicator(new ClosePriceIndicator(DATA.ta4j()), 20), 400, 1e-12);
    }

    @Test
    void test_update_taLibSeedFixture() {
        // TEMA(2): E1, E2 as in DemaTest; E3 seeded at bar 4 with the mean of E2's first two values
        // (3.093333, 3.095926); TEMA = 3 E1 - 3 E2 + E3 = 3.098519, 3.109671, 3.158573 (spreadsheet rows)
        double[] ours = DATA.stream(new Tema(2), 6)[0];
        assertThat(ours[2]).isNaN();
        assertThat(ours[3]).isCloseTo(3.098518518518519, within(1e-12));
        assertThat(ours[4]).isCloseTo(3.1096707818930045, within(1e-12));
        assertThat(ours[5]).isCloseTo(3.158573388203017, within(1e-12));
    }

    @Test
    void test_warmup_isThreePeriodsMinusTwo() {
        DATA.assertWarmup(() -> new Tema(20), 58);
    }
}
