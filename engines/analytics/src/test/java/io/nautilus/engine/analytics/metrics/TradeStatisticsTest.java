package io.nautilus.engine.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TradeStatisticsTest {

    /*
     * Hand-derived: four trades, times in minutes.
     * trade  entry  exit  held  pnl
     *   0      0     30    30   +120
     *   1     40     50    10    -80
     *   2     60    150    90    -20
     *   3    200    210    10   +200
     * count 4; average holding (30 + 10 + 90 + 10) / 4 = 35; wins 2 (sum 320), losses 2 (sum -100);
     * runs W L L W -> longest win run 1, loss run 2; profit factor 3.2; payoff 160 / 50 = 3.2;
     * expectancy (320 - 100) / 4 = 55.
     */
    private static final double[] PNL = {120, -80, -20, 200};
    private static final long[] ENTRY = {0, 40, 60, 200};
    private static final long[] EXIT = {30, 50, 150, 210};

    @Test
    void test_of_handDerivedFixture() {
        TradeStatistics t = TradeStatistics.of(PNL, ENTRY, EXIT);

        assertThat(t.count()).isEqualTo(4);
        assertThat(t.averageHoldingTime().getAsDouble()).isEqualTo(35.0);
        assertThat(t.outcomes().maxConsecutiveWins()).isEqualTo(1);
        assertThat(t.outcomes().maxConsecutiveLosses()).isEqualTo(2);
        assertThat(t.outcomes().profitFactor().getAsDouble()).isEqualTo(3.2, within(1e-15));
        assertThat(t.outcomes().payoffRatio().getAsDouble()).isEqualTo(3.2, within(1e-15));
        assertThat(t.outcomes().expectancy().getAsDouble()).isEqualTo(55.0, within(1e-12));
    }

    @Test
    void test_of_noTrades() {
        TradeStatistics t = TradeStatistics.of(new double[0], new long[0], new long[0]);

        assertThat(t.count()).isZero();
        assertThat(t.averageHoldingTime()).isEmpty();
    }

    @Test
    void test_of_rejectsExitBeforeEntryAndLengthMismatch() {
        assertThatThrownBy(() -> TradeStatistics.of(PNL, ENTRY, new long[] {30, 50, 50, 210}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exit_times[2] is 50, before entry_times[2] 60");
        assertThatThrownBy(() -> TradeStatistics.of(PNL, ENTRY, new long[] {30}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    }
}
