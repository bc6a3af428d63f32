package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;

class StochasticTest {

    private static final Ttrc DATA = Ttrc.DATA;

    @Test
    void test_update_fastMatchesTa4jOverWholeSeries() {
        double[][] ours = DATA.stream(new Stochastic(14, 1, 3));
        var k = new StochasticOscillatorKIndicator(DATA.ta4j(), 14);
        Ttrc.assertMatches(ours[0], k, 13, 1e-12);
        Ttrc.assertMatches(ours[1], new StochasticOscillatorDIndicator(k), 15, 1e-12);
    }

    @Test
    void test_update_slowMatchesSmoothedTa4j() {
        double[][] ours = DATA.stream(new Stochastic(14, 3, 3));
        var slowK = new SMAIndicator(new StochasticOscillatorKIndicator(DATA.ta4j(), 14), 3);
        Ttrc.assertMatches(ours[0], slowK, 15, 1e-12);
        Ttrc.assertMatches(ours[1], new SMAIndicator(slowK, 3), 17, 1e-12);
    }

    @Test
    void test_update_handFixture() {
        // %K(3) at bar 3: highest high 3.18, lowest low 3.08, close 3.09 -> 100 x 0.01 / 0.10 = 10
        assertThat(DATA.stream(new Stochastic(3, 1, 3), 3)[0][2]).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void test_warmup_kThenD() {
        double[][] ours = DATA.stream(new Stochastic(14, 3, 5), 40);
        assertThat(Ttrc.firstValue(ours[0])).isEqualTo(15);
        assertThat(Ttrc.firstValue(ours[1])).isEqualTo(19);
        DATA.assertWarmup(() -> new Stochastic(14, 1, 3), 16);
    }

    @Test
    void test_update_zeroRangeGivesZeroRawK() {
        Stochastic flat = new Stochastic(2, 1, 1);
        flat.update(5, 5, 5, 5, 1);
        flat.update(5, 5, 5, 5, 1);
        assertThat(flat.output(0)).isEqualTo(0.0);
    }
}
