package io.nautilus.core.quant.volatility;

/**
 * A fitted GARCH(1,1): r_t = mu + e_t, e_t = sqrt(h_t)·z_t, h_t = omega + alpha·e²_(t-1) + beta·h_(t-1).
 *
 * <p>Units are those of the fitted returns (e.g. per-day fractions, or percent for the dem2gbp benchmark);
 * variances are per period. The variance recursion starts from the presample values e²_0 = h_0 = mean of the
 * squared residuals (see {@link Garch11}), so {@link #conditionalVariances} reproduces the fitted path.
 * Immutable and thread-safe.
 *
 * @param mu            constant mean (0 when fitted with {@link Garch11.Mean#ZERO})
 * @param omega         variance intercept, &gt; 0
 * @param alpha         ARCH coefficient, &gt;= 0
 * @param beta          GARCH coefficient, &gt;= 0, with alpha + beta &lt; 1
 * @param logLikelihood Gaussian log-likelihood at the estimate, including the -T/2·ln(2π) constant
 * @param nextVariance  h_(T+1), the one-step-ahead variance after the last observation, &gt; 0
 * @param observations  T, number of returns fitted
 * @param converged     whether the optimizer met its tolerance
 */
public record Garch11Fit(double mu, double omega, double alpha, double beta, double logLikelihood,
                         double nextVariance, int observations, boolean converged) {

    public Garch11Fit {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, was " + mu);
        }
        if (!(omega > 0.0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("omega must be finite and > 0, was " + omega);
        }
        if (!(alpha >= 0.0) || !(beta >= 0.0) || !(alpha + beta < 1.0)) {
            throw new IllegalArgumentException("need alpha >= 0, beta >= 0 and alpha + beta < 1, were alpha="
                + alpha + " beta=" + beta);
        }
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must be finite, was " + logLikelihood);
        }
        if (!(nextVariance > 0.0) || Double.isInfinite(nextVariance)) {
            throw new IllegalArgumentException("nextVariance must be finite and > 0, was " + nextVariance);
        }
        if (observations < 1) {
            throw new IllegalArgumentException("observations must be >= 1, was " + observations);
        }
    }

    /** @return alpha + beta, the rate at which variance shocks decay */
    public double persistence() {
        return alpha + beta;
    }

    /** @return V = omega / (1 - alpha - beta), the long-run per-period variance */
    public double unconditionalVariance() {
        return omega / (1.0 - alpha - beta);
    }

    /** @return periods for a variance shock to halve, ln(1/2) / ln(alpha + beta) */
    public double halfLife() {
        return Math.log(0.5) / Math.log(persistence());
    }

    /**
     * Variance forecast path: element k-1 is E[h_(T+k)] = V + (alpha+beta)^(k-1)·(h_(T+1) - V), k = 1..horizon.
     *
     * @param horizon number of periods ahead, &gt;= 1
     * @return per-period variances for T+1 .. T+horizon
     */
    public double[] forecastVariance(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, was " + horizon);
        }
        double v = unconditionalVariance();
        double p = persistence();
        double[] path = new double[horizon];
        double deviation = nextVariance - v;
        for (int k = 0; k < horizon; k++) {
            path[k] = v + deviation;
            deviation *= p;
        }
        return path;
    }

    /**
     * In-sample conditional variances h_1..h_T of a return series under these parameters, with the presample
     * convention of {@link Garch11}.
     *
     * @param returns per-period returns, oldest first, finite, non-empty
     * @return h_t for each period
     */
    public double[] conditionalVariances(double[] returns) {
        return Garch11.conditionalVariances(returns, mu, omega, alpha, beta);
    }
}
