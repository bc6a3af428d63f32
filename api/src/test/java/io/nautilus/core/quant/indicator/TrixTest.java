package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;

class TrixTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_matchesTa4jTripleEmaRocAfterSeedDecays() {
        // ta4j has no TRIX; built from three chained ta4j EMAs (first-value seeds), equal after 400 bars.
        var close = new ClosePriceIndicator(DATA.ta4j());
        var e3 = NumericIndicator.of(new EMAIndicator(new EMAIndicator(new EMAIndicator(close, 15), 15), 15));
        var reference = e3.minus(e3.previous(1)).dividedBy(e3.previous(1)).multipliedBy(100);
        Ttrc.assertMatches(DATA.stream(new Trix(15))[0], reference, 400, 1e-10);
    }

    @Test
    void test_update_taLibSeedFixture() {
        // TRIX(2): E3 seeded at bar 4 with the mean of E2's first two values (see TemaTest);
        // TRIX = 100 (E3 - E3[1]) / E3[1] = 0.168884, 0.621738, 1.135082 percent (spreadsheet rows)
        double[] ours = DATA.stream(new Trix(2), 7)[0];
        assertThat(ours[3]).isNaN();
        assertThat(ours[4]).isCloseTo(0.16888410162301754, within(1e-10));
        assertThat(ours[5]).isCloseTo(0.6217378125006912, within(1e-10));
        assertThat(ours[6]).isCloseTo(1.1350817667870934, within(1e-10));
    }

    @Test
    void test_warmup_isThreePeriodsMinusOne() {
        DATA.assertWarmup(() -> new Trix(15), 44);
    }
}
