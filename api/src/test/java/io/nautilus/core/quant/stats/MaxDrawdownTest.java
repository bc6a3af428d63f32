package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MaxDrawdownTest {

    @Test
    void test_ofReturns_recoveredDrawdown() {
        // DrawdownsTest.RETURNS: wealth 1, 1.1, 0.88, 0.924, 1.1088, ... deepest fall 1.1 (position 1) -> 0.88
        // (position 2) = 20%; back above 1.1 at position 4 (1.1088): decline 1, recovery 2, duration 3 periods.
        MaxDrawdown mdd = MaxDrawdown.ofReturns(DrawdownsTest.RETURNS);

        assertThat(mdd.depth()).isEqualTo(0.2, within(1e-12));
        assertThat(mdd.peakPosition()).isEqualTo(1);
        assertThat(mdd.troughPosition()).isEqualTo(2);
        assertThat(mdd.recoveryPosition()).isEqualTo(OptionalInt.of(4));
        assertThat(mdd.lastPosition()).isEqualTo(7);
        assertThat(mdd.declinePeriods()).isEqualTo(1);
        assertThat(mdd.recoveryPeriods()).isEqualTo(OptionalInt.of(2));
        assertThat(mdd.durationPeriods()).isEqualTo(3);
        assertThat(mdd.isRecovered()).isTrue();
    }

    @Test
    void test_ofReturns_unrecoveredDrawdownLastsToTheEnd() {
        // wealth 1, 1.05, 0.945, 0.9639, 0.915705: peak 1.05 at 1, trough at 4, depth 1 - 0.915705 / 1.05 = 0.1279;
        // never back to 1.05, so the duration runs to the last position: 4 - 1 = 3.
        MaxDrawdown mdd = MaxDrawdown.ofReturns(new double[] {0.05, -0.10, 0.02, -0.05});

        assertThat(mdd.depth()).isEqualTo(0.1279, within(1e-12));
        assertThat(mdd.peakPosition()).isEqualTo(1);
        assertThat(mdd.troughPosition()).isEqualTo(4);
        assertThat(mdd.recoveryPosition()).isEmpty();
        assertThat(mdd.recoveryPeriods()).isEmpty();
        assertThat(mdd.durationPeriods()).isEqualTo(3);
    }

    @Test
    void test_ofReturns_neverUnderWater() {
        MaxDrawdown mdd = MaxDrawdown.ofReturns(new double[] {0.01, 0.02, 0.0});

        assertThat(mdd.depth()).isZero();
        assertThat(mdd.durationPeriods()).isZero();
        assertThat(mdd.recoveryPeriods()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void test_ofWealth_priceCurve() {
        // 100, 120, 90, 130, 80: the deepest fall is 130 -> 80 = 50 / 130 = 0.384615384615 (deeper than 120 -> 90)
        MaxDrawdown mdd = MaxDrawdown.ofWealth(new double[] {100, 120, 90, 130, 80});

        assertThat(mdd.depth()).isEqualTo(50.0 / 130, within(1e-15));
        assertThat(mdd.peakPosition()).isEqualTo(3);
        assertThat(mdd.troughPosition()).isEqualTo(4);
        assertThat(mdd.recoveryPosition()).isEmpty();
        assertThat(mdd.durationPeriods()).isEqualTo(1);
    }

    @Test
    void test_ofReturns_dem2gbpMatchesBruteForce() {
        double[] wealth = Drawdowns.wealth(Dem2GbpFixture.simpleReturns());
        // independent O(n^2) reference: the largest 1 - W[j] / W[i] over all i <= j
        double deepest = 0;
        int peak = 0;
        int trough = 0;
        for (int i = 0; i < wealth.length; i++) {
            for (int j = i + 1; j < wealth.length; j++) {
                double depth = 1 - wealth[j] / wealth[i];
                if (depth > deepest + 1e-15) {
                    deepest = depth;
                    peak = i;
                    trough = j;
                }
            }
        }
        int recovery = -1;
        for (int t = trough + 1; t < wealth.length && recovery < 0; t++) {
            if (wealth[t] >= wealth[peak]) {
                recovery = t;
            }
        }

        MaxDrawdown mdd = MaxDrawdown.ofWealth(wealth);

        assertThat(mdd.depth()).isEqualTo(deepest, within(1e-14));
        assertThat(mdd.troughPosition()).isEqualTo(trough);
        assertThat(wealth[mdd.peakPosition()]).isEqualTo(wealth[peak]);
        assertThat(mdd.recoveryPosition().orElse(-1)).isEqualTo(recovery);
    }
}
