package io.nautilus.core.quant.covariance;

import io.nautilus.core.quant.Matrices;
import io.nautilus.core.quant.volatility.EwmaVolatility;

/**
 * Exponentially weighted (RiskMetrics) covariance: Σ = Σ_t w_t r_t r_tᵀ with weights w_t proportional to
 * λ^(T-1-t), t = 0 (oldest) .. T-1 (latest), so the latest period has the largest weight.
 *
 * <p>Conventions: zero mean (returns are not demeaned, as in RiskMetrics 1996, which treats the mean of daily
 * returns as zero); the weights are normalized to sum to one, w_t = λ^(T-1-t)(1-λ)/(1-λ^T). Equivalently the
 * recursion S_t = λ S_(t-1) + r_t r_tᵀ, W_t = λ W_(t-1) + 1, Σ_t = S_t / W_t started from S = 0, W = 0 (so the
 * first estimate is r_0 r_0ᵀ). Once λ^T ≈ 0 (about 75 daily periods for λ = 0.94) this is the classic
 * RiskMetrics recursion Σ_t = λ Σ_(t-1) + (1-λ) r_t r_tᵀ, but a short sample is not biased towards zero. The
 * result is the estimate after the latest period,
 * i.e. the forecast for the next period. Each diagonal entry equals {@link EwmaVolatility#variance} of that asset.
 * Immutable and thread-safe.
 */
public final class EwmaCovariance implements CovarianceEstimator {

    /** λ = {@link EwmaVolatility#RISKMETRICS_DAILY_LAMBDA} (0.94). */
    public static final EwmaCovariance DEFAULT = new EwmaCovariance(EwmaVolatility.RISKMETRICS_DAILY_LAMBDA);

    private final double lambda;

    /**
     * @param lambda decay factor in (0, 1); larger means longer memory
     */
    public EwmaCovariance(double lambda) {
        if (!(lambda > 0.0 && lambda < 1.0)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), was " + lambda);
        }
        this.lambda = lambda;
    }

    /** @return the decay factor */
    public double lambda() {
        return lambda;
    }

    /**
     * The normalized weights for a sample of the given length, oldest first.
     *
     * @param periods T &gt;= 1
     * @return weights summing to one
     */
    public double[] weights(int periods) {
        if (periods < 1) {
            throw new IllegalArgumentException("periods must be >= 1, was " + periods);
        }
        double[] w = new double[periods];
        double weight = 1.0;
        double sum = 0.0;
        for (int t = periods - 1; t >= 0; t--) {
            w[t] = weight;
            sum += weight;
            weight *= lambda;
        }
        for (int t = 0; t < periods; t++) {
            w[t] /= sum;
        }
        return w;
    }

    @Override
    public double[][] estimate(double[][] returns) {
        double[][] x = Covariances.assetMajor(returns, 1, false);
        double[] w = weights(returns.length);
        // Scale each period by sqrt(w_t) so the weighted sum becomes a plain Gram matrix.
        for (int t = 0; t < w.length; t++) {
            w[t] = Math.sqrt(w[t]);
        }
        for (double[] row : x) {
            for (int t = 0; t < w.length; t++) {
                row[t] *= w[t];
            }
        }
        return Matrices.gram(x);
    }
}
