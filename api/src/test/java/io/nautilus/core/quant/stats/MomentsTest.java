package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class MomentsTest {

    /*
     * Hand-derived: x = {1, 2, 3, 4, 10}, n = 5, mean = 20 / 5 = 4, deviations d = {-3, -2, -1, 0, 6}.
     * sum d^2 = 9 + 4 + 1 + 0 + 36 = 50; sum d^3 = -27 - 8 - 1 + 0 + 216 = 180; sum d^4 = 81 + 16 + 1 + 0 + 1296 = 1394.
     * population variance = 50 / 5 = 10; sample variance = 50 / 4 = 12.5.
     * g1 = (180 / 5) / 10^1.5 = 36 / 31.6227766017 = 1.13841995766; G1 = g1 * sqrt(5 * 4) / 3 = 1.69705627485.
     * g2 = (1394 / 5) / 10^2 - 3 = 2.788 - 3 = -0.212; G2 = (6 * -0.212 + 6) * 4 / (3 * 2) = 4.728 * 4 / 6 = 3.152.
     */
    private static final double[] SMALL = {1, 2, 3, 4, 10};

    @Test
    void test_of_handDerivedFixture() {
        Moments m = Moments.of(SMALL);

        assertThat(m.count()).isEqualTo(5);
        assertThat(m.mean()).isEqualTo(4.0, within(1e-15));
        assertThat(m.populationVariance()).isEqualTo(10.0, within(1e-14));
        assertThat(m.sampleVariance()).isEqualTo(12.5, within(1e-14));
        assertThat(m.populationStandardDeviation()).isEqualTo(Math.sqrt(10), within(1e-14));
        assertThat(m.sampleStandardDeviation()).isEqualTo(Math.sqrt(12.5), within(1e-14));
        assertThat(m.populationSkewness().getAsDouble()).isEqualTo(1.13841995766, within(1e-11));
        assertThat(m.sampleSkewness().getAsDouble()).isEqualTo(1.69705627485, within(1e-11));
        assertThat(m.populationExcessKurtosis().getAsDouble()).isEqualTo(-0.212, within(1e-14));
        assertThat(m.sampleExcessKurtosis().getAsDouble()).isEqualTo(3.152, within(1e-13));
    }

    @Test
    void test_of_dem2gbpMatchesCommonsMath() {
        double[] x = Dem2GbpFixture.percentLogReturns();
        DescriptiveStatistics reference = new DescriptiveStatistics(x);

        Moments m = Moments.of(x);

        assertThat(m.count()).isEqualTo(1974);
        assertThat(m.mean()).isEqualTo(reference.getMean(), within(1e-14));
        assertThat(m.sampleVariance()).isEqualTo(reference.getVariance(), within(1e-13));
        assertThat(m.populationVariance()).isEqualTo(reference.getPopulationVariance(), within(1e-13));
        assertThat(m.sampleStandardDeviation()).isEqualTo(reference.getStandardDeviation(), within(1e-13));
        assertThat(m.sampleSkewness().getAsDouble()).isEqualTo(reference.getSkewness(), within(1e-10));
        assertThat(m.sampleExcessKurtosis().getAsDouble()).isEqualTo(reference.getKurtosis(), within(1e-9));
    }

    @Test
    void test_skewnessAndKurtosis_emptyWhenUndefined() {
        Moments constant = Moments.of(new double[] {0.01, 0.01, 0.01, 0.01, 0.01});
        Moments three = Moments.of(new double[] {1, 2, 4});

        assertThat(constant.populationSkewness()).isEmpty();
        assertThat(constant.sampleExcessKurtosis()).isEmpty();
        assertThat(constant.sampleVariance()).isZero();
        assertThat(three.sampleSkewness()).isPresent();
        assertThat(three.sampleExcessKurtosis()).isEmpty();
        assertThat(Moments.of(new double[] {1, 2}).sampleSkewness()).isEmpty();
    }

    @Test
    void test_sampleVariance_singleObservationThrows() {
        Moments one = Moments.of(new double[] {0.5});

        assertThat(one.populationVariance()).isZero();
        assertThatThrownBy(one::sampleVariance).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void test_of_rejectsNonFiniteNamingTheIndex() {
        assertThatThrownBy(() -> Moments.of(new double[] {1, 2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x[2] is NaN, must be finite");
        assertThatThrownBy(() -> Moments.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
