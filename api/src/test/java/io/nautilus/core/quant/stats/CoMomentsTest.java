package io.nautilus.core.quant.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class CoMomentsTest {

    /*
     * Hand-derived: x = {1, 2, 3, 4}, y = {2, 4, 5, 9}; means 2.5 and 5; dx = {-1.5, -0.5, 0.5, 1.5},
     * dy = {-3, -1, 0, 4}; sum dx dy = 4.5 + 0.5 + 0 + 6 = 11; sum dx^2 = 5; sum dy^2 = 26.
     * population covariance 11 / 4 = 2.75; sample 11 / 3; correlation 11 / sqrt(130) = 0.964763821238;
     * slope of y on x 11 / 5 = 2.2.
     */
    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {2, 4, 5, 9};

    @Test
    void test_of_handDerivedFixture() {
        CoMoments c = CoMoments.of(X, Y);

        assertThat(c.meanX()).isEqualTo(2.5);
        assertThat(c.meanY()).isEqualTo(5.0);
        assertThat(c.populationCovariance()).isEqualTo(2.75, within(1e-15));
        assertThat(c.sampleCovariance()).isEqualTo(11.0 / 3, within(1e-15));
        assertThat(c.correlation().getAsDouble()).isEqualTo(0.964763821238, within(1e-12));
        assertThat(c.slope().getAsDouble()).isEqualTo(2.2, within(1e-15));
    }

    @Test
    void test_of_dem2gbpLagOneMatchesCommonsMath() {
        double[] r = Dem2GbpFixture.simpleReturns();
        double[] x = Arrays.copyOfRange(r, 0, r.length - 1);
        double[] y = Arrays.copyOfRange(r, 1, r.length);
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            regression.addData(x[i], y[i]);
        }

        CoMoments c = CoMoments.of(x, y);

        assertThat(c.sampleCovariance()).isEqualTo(new Covariance().covariance(x, y, true), within(1e-18));
        assertThat(c.populationCovariance()).isEqualTo(new Covariance().covariance(x, y, false), within(1e-18));
        assertThat(c.correlation().getAsDouble())
                .isEqualTo(new PearsonsCorrelation().correlation(x, y), within(1e-12));
        assertThat(c.slope().getAsDouble()).isEqualTo(regression.getSlope(), within(1e-12));
    }

    @Test
    void test_correlationAndSlope_emptyForConstantSeries() {
        CoMoments c = CoMoments.of(new double[] {1, 1, 1}, new double[] {1, 2, 3});

        assertThat(c.correlation()).isEmpty();
        assertThat(c.slope()).isEmpty();
        assertThat(c.sampleCovariance()).isZero();
    }

    @Test
    void test_of_rejectsLengthMismatch() {
        assertThatThrownBy(() -> CoMoments.of(X, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x has 4 values and y has 2; they must be the same length");
    }
}
