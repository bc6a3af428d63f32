package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistoricalTailTest {
    /** 20 values 1..20 shuffled, minus 10: -9..10. */
    private static final double[] VALUES = {3, -9, 7, -2, 10, -5, 0, 1, -8, 4, -1, 6, -7, 2, 9, -4, 5, -6, 8, -3};

    @Test
    void test_of_typeOneQuantileAndTailMeanByHand() {
        // 95%: p = 0.05, k = ceil(20 x 0.05) = 1: the worst value -9; 80%: k = 4: -6, mean of -9 -8 -7 -6 = -7.5
        HistoricalTail t95 = HistoricalTail.of(VALUES, 0.95);
        assertThat(t95.valueAtRisk()).isEqualTo(9);
        assertThat(t95.expectedShortfall()).isEqualTo(9);
        HistoricalTail t80 = HistoricalTail.of(VALUES, 0.80);
        assertThat(t80.quantile()).isEqualTo(-6);
        assertThat(t80.valueAtRisk()).isEqualTo(6);
        assertThat(t80.expectedShortfall()).isCloseTo(7.5, within(1e-12));
    }

    @Test
    void test_tailProbability_exactForRoundConfidences() {
        assertThat(HistoricalTail.tailProbability(0.95)).isEqualTo(0.05);
        assertThat(HistoricalTail.tailProbability(0.99)).isEqualTo(0.01);
        assertThat(HistoricalTail.tailProbability(0.975)).isEqualTo(0.025);
        // unrounded, 1000 x (1 - 0.99) selects the 11th worst of 1000; rounded, the 10th
        double[] thousand = new double[1000];
        for (int i = 0; i < 1000; i++) {
            thousand[i] = i;
        }
        assertThat(HistoricalTail.ofSorted(thousand, 0.99).quantile()).isEqualTo(9);
        assertThatThrownBy(() -> HistoricalTail.tailProbability(1.0)).hasMessageContaining("confidence");
    }
}
