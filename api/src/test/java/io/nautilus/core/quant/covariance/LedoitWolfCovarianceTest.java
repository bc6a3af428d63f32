package io.nautilus.core.quant.covariance;

import static io.nautilus.core.quant.QuantAssertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.quant.SharedData;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

/** Reference: a shrinkage intensity derived by hand below, and Commons Math 3.6 Covariance for S. */
class LedoitWolfCovarianceTest {

    /*
     * Hand derivation (formulas of Ledoit & Wolf 2004, covCor.m). Three assets; the four rows
     *   a = [1, -1, 1, -1], b = [1, -1, -1, 1], c = [2, -2, 0, 0]
     * repeated twice give T = 8 demeaned periods (repeating leaves every 1/T moment unchanged).
     * S (divisor T): s_aa = 1, s_bb = 1, s_cc = 8/4 = 2, s_ab = 0, s_ac = 4/4 = 1, s_bc = 1.
     * Correlations: r_ab = 0, r_ac = r_bc = 1/sqrt2, so r̄ = (2/sqrt2)/3 = sqrt2/3.
     * Target F: F_ab = r̄·1·1 = sqrt2/3, F_ac = F_bc = r̄·sqrt2 = 2/3, diagonal = S's.
     * γ = ||F - S||² = 2·((sqrt2/3)² + (1/3)² + (1/3)²) = 8/9.
     * π_ij = mean(x_i² x_j²) - s_ij²; squares a² = b² = [1,1,1,1], c² = [4,4,0,0]:
     *   π_aa = π_bb = 1 - 1 = 0, π_cc = 8 - 4 = 4, π_ab = 1 - 0 = 1, π_ac = π_bc = 2 - 1 = 1; π = 4 + 2·3 = 10.
     * θ_ii,ij = mean(x_i³ x_j) - s_ii s_ij; cubes a³ = a, b³ = b, c³ = [8,-8,0,0]:
     *   θ_a,ab = 0, θ_a,ac = 1 - 1 = 0, θ_b,ba = 0, θ_b,bc = 1 - 1 = 0, θ_c,ca = θ_c,cb = 16/4 - 2·1 = 2.
     * ρ = Σπ_ii + r̄ Σ_{i≠j} sqrt(s_jj/s_ii) θ_ii,ij = 4 + (sqrt2/3)·2·(sqrt(1/2)·2) = 4 + 4/3 = 16/3.
     * κ = (π - ρ)/γ = (14/3)/(8/9) = 21/4, so δ = κ/T = 21/32 = 0.65625.
     * Shrunk: Σ_ac = δ·2/3 + (1-δ)·1 = 7/16 + 11/32 = 25/32; Σ_ab = δ·sqrt2/3; Σ_cc = 2.
     */
    private static final double[][] FIXTURE = {
        {1, 1, 2}, {-1, -1, -2}, {1, -1, 0}, {-1, 1, 0},
        {1, 1, 2}, {-1, -1, -2}, {1, -1, 0}, {-1, 1, 0}};

    @Test
    void test_shrink_handDerivedIntensity() {
        LedoitWolfCovariance.Estimate estimate = LedoitWolfCovariance.DEFAULT.shrink(FIXTURE);
        assertThat(estimate.shrinkageIntensity()).isCloseTo(21.0 / 32, within(1e-15));
        assertThat(estimate.averageCorrelation()).isCloseTo(Math.sqrt(2) / 3, within(1e-15));
        double ab = 21.0 / 32 * Math.sqrt(2) / 3;
        assertClose(estimate.covariance(), new double[][] {
            {1, ab, 25.0 / 32}, {ab, 1, 25.0 / 32}, {25.0 / 32, 25.0 / 32, 2}}, 1e-15);
    }

    @Test
    void test_shrink_intensityClippedToOneOnShortSample() {
        // The first four rows alone (T = 4) give κ/T = 5.25/4 > 1, so δ = 1 and Σ = F.
        double[][] four = {FIXTURE[0], FIXTURE[1], FIXTURE[2], FIXTURE[3]};
        LedoitWolfCovariance.Estimate estimate = LedoitWolfCovariance.DEFAULT.shrink(four);
        assertThat(estimate.shrinkageIntensity()).isEqualTo(1.0);
        assertThat(estimate.covariance()[0][2]).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void test_shrink_euStocksIsConvexCombinationOfSampleAndTarget() {
        double[][] returns = SharedData.logReturns(
            SharedData.columns("eu_stock_markets_daily_close.csv", "dax", "smi", "cac", "ftse"));
        int t = returns.length;
        // S with divisor T from Commons Math's unbiased estimate.
        double[][] s = new Covariance(returns, true).getCovarianceMatrix().scalarMultiply((t - 1.0) / t).getData();
        LedoitWolfCovariance.Estimate estimate = LedoitWolfCovariance.DEFAULT.shrink(returns);
        double delta = estimate.shrinkageIntensity();
        // Independent value: a line-by-line NumPy transcription of Ledoit & Wolf's covCor.m on the same log
        // returns gives kappa/T = 0.27801948066396165 (the four correlations are all 0.58-0.73, so F is close
        // to S, gamma is small and the intensity is sizeable despite T = 1859).
        assertThat(delta).isCloseTo(0.27801948066396165, within(1e-12));
        double rBar = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                rBar += s[i][j] / Math.sqrt(s[i][i] * s[j][j]) / 6;
            }
        }
        assertThat(estimate.averageCorrelation()).isCloseTo(rBar, within(1e-14));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double f = i == j ? s[i][i] : rBar * Math.sqrt(s[i][i] * s[j][j]);
                assertThat(estimate.covariance()[i][j]).isCloseTo(delta * f + (1 - delta) * s[i][j], within(1e-18));
            }
        }
    }

    @Test
    void test_shrink_validation() {
        assertThatThrownBy(() -> LedoitWolfCovariance.DEFAULT.shrink(new double[][] {{1}, {2}}))
            .hasMessageContaining("at least 2 assets");
        assertThatThrownBy(() -> LedoitWolfCovariance.DEFAULT.shrink(new double[][] {{1, 3}, {2, 3}}))
            .hasMessageContaining("asset 1 have zero variance");
    }
}
