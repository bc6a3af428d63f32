package io.nautilus.engine.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WinLossStatisticsTest {

    /*
     * Hand-derived: outcomes {+3, +1, -2, -1, -4, 0, +2, +2, +5, -1}
     * runs: W W (2) | L L L (3) | zero breaks | W W W (3) | L (1) -> longest win run 3, loss run 3
     * wins 3 + 1 + 2 + 2 + 5 = 13 over 5; losses -2 - 1 - 4 - 1 = -8 over 4; count 10
     * win rate 0.5, loss rate 0.4, average win 2.6, average loss -2, profit factor 13 / 8 = 1.625,
     * payoff 2.6 / 2 = 1.3, expectancy 0.5 * 2.6 - 0.4 * 2 = 0.5 = (13 - 8) / 10
     */
    private static final double[] OUTCOMES = {3, 1, -2, -1, -4, 0, 2, 2, 5, -1};

    @Test
    void test_of_handDerivedFixture() {
        WinLossStatistics s = WinLossStatistics.of(OUTCOMES, "pnl");

        assertThat(s.count()).isEqualTo(10);
        assertThat(s.wins()).isEqualTo(5);
        assertThat(s.losses()).isEqualTo(4);
        assertThat(s.maxConsecutiveWins()).isEqualTo(3);
        assertThat(s.maxConsecutiveLosses()).isEqualTo(3);
        assertThat(s.winRate().getAsDouble()).isEqualTo(0.5);
        assertThat(s.lossRate().getAsDouble()).isEqualTo(0.4);
        assertThat(s.averageWin().getAsDouble()).isEqualTo(2.6, within(1e-15));
        assertThat(s.averageLoss().getAsDouble()).isEqualTo(-2.0, within(1e-15));
        assertThat(s.profitFactor().getAsDouble()).isEqualTo(1.625, within(1e-15));
        assertThat(s.payoffRatio().getAsDouble()).isEqualTo(1.3, within(1e-15));
        assertThat(s.expectancy().getAsDouble()).isEqualTo(0.5, within(1e-15));
    }

    @Test
    void test_of_emptyAndOneSided() {
        WinLossStatistics none = WinLossStatistics.of(new double[0], "pnl");
        WinLossStatistics onlyWins = WinLossStatistics.of(new double[] {1, 2}, "pnl");

        assertThat(none.winRate()).isEmpty();
        assertThat(none.expectancy()).isEmpty();
        assertThat(onlyWins.profitFactor()).isEmpty();
        assertThat(onlyWins.payoffRatio()).isEmpty();
        assertThat(onlyWins.maxConsecutiveWins()).isEqualTo(2);
    }

    @Test
    void test_of_rejectsNonFinite() {
        assertThatThrownBy(() -> WinLossStatistics.of(new double[] {1, Double.NaN}, "pnl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pnl[1] is NaN, must be finite");
    }
}
