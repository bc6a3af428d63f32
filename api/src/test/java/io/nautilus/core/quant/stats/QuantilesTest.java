package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuantilesTest {

    /*
     * Hand-derived on x = {5, 1, 4, 2, 3}, sorted {1, 2, 3, 4, 5}, n = 5:
     * p = 0.3: type 1: n p = 1.5, k = ceil(1.5) = 2 -> x(2) = 2;
     *          type 7: h = (n - 1) p = 1.2 -> x[1] + 0.2 (x[2] - x[1]) = 2 + 0.2 * 1 = 2.2 (0-based);
     *          lower tail mean: k = 2 -> (1 + 2) / 2 = 1.5.
     * p = 0 -> 1 under both; p = 1 -> 5 under both; p = 0.4: type 1: n p = 2 -> x(2) = 2; type 7: h = 1.6 -> 2.6.
     */
    private static final double[] SMALL = {5, 1, 4, 2, 3};

    @Test
    void test_quantile_handDerivedFixture() {
        assertThat(Quantiles.quantile(SMALL, 0.3, QuantileDefinition.TYPE_1_LOWER_EMPIRICAL)).isEqualTo(2.0);
        assertThat(Quantiles.quantile(SMALL, 0.3, QuantileDefinition.TYPE_7_LINEAR)).isEqualTo(2.2, within(1e-15));
        assertThat(Quantiles.quantile(SMALL, 0.4, QuantileDefinition.TYPE_1_LOWER_EMPIRICAL)).isEqualTo(2.0);
        assertThat(Quantiles.quantile(SMALL, 0.4, QuantileDefinition.TYPE_7_LINEAR)).isEqualTo(2.6, within(1e-15));
        for (QuantileDefinition d : QuantileDefinition.values()) {
            assertThat(Quantiles.quantile(SMALL, 0, d)).isEqualTo(1.0);
            assertThat(Quantiles.quantile(SMALL, 1, d)).isEqualTo(5.0);
        }
        assertThat(SMALL).containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void test_lowerTailMean_handDerivedFixture() {
        double[] sorted = Quantiles.sortedCopy(SMALL);

        assertThat(Quantiles.lowerTailMean(sorted, 0.3)).isEqualTo(1.5, within(1e-15));
        assertThat(Quantiles.lowerTailMean(sorted, 0)).isEqualTo(1.0);
        assertThat(Quantiles.lowerTailMean(sorted, 1)).isEqualTo(3.0, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.025, 0.05, 0.1, 0.33, 0.5, 0.9, 0.95, 0.99})
    void test_ofSorted_dem2gbpMatchesCommonsMath(double p) {
        double[] x = Dem2GbpFixture.percentLogReturns();
        double[] sorted = Quantiles.sortedCopy(x);

        double type1 = new Percentile().withEstimationType(EstimationType.R_1).evaluate(x, p * 100);
        double type7 = new Percentile().withEstimationType(EstimationType.R_7).evaluate(x, p * 100);

        assertThat(QuantileDefinition.TYPE_1_LOWER_EMPIRICAL.ofSorted(sorted, p)).isEqualTo(type1);
        assertThat(QuantileDefinition.TYPE_7_LINEAR.ofSorted(sorted, p)).isEqualTo(type7, within(1e-13));
    }

    @Test
    void test_lowerTailMean_dem2gbpMatchesBruteForce() {
        double[] x = Dem2GbpFixture.percentLogReturns();
        double[] sorted = Quantiles.sortedCopy(x);
        // 5% of 1974 = 98.7 -> the 99 smallest values; averaged here by repeatedly removing the minimum.
        double[] work = x.clone();
        double sum = 0;
        for (int taken = 0; taken < 99; taken++) {
            int min = 0;
            for (int i = 1; i < work.length; i++) {
                if (work[i] < work[min]) {
                    min = i;
                }
            }
            sum += work[min];
            work[min] = Double.POSITIVE_INFINITY;
        }

        assertThat(Quantiles.lowerTailMean(sorted, 0.05)).isEqualTo(sum / 99, within(1e-14));
    }

    @Test
    void test_quantile_rejectsBadProbability() {
        assertThatThrownBy(() -> Quantiles.quantile(SMALL, 1.5, QuantileDefinition.TYPE_7_LINEAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p is 1.5, must be in [0, 1]");
        assertThatThrownBy(() -> Quantiles.quantile(SMALL, Double.NaN, QuantileDefinition.TYPE_7_LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
