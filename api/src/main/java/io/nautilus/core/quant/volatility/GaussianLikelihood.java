package io.nautilus.core.quant.volatility;

/**
 * The Gaussian (quasi-)log-likelihood of residuals e_t with conditional variances h_t, the criterion volatility
 * models are fitted and compared by: log L = -½ Σ_t (ln 2π + ln h_t + e²_t / h_t), the constant included.
 *
 * <p>It comes in two parts so that a model computing h_t on the fly (GARCH inside an optimizer, thousands of
 * evaluations) sums without allocating: {@link #term} per period, then {@link #logLikelihood(double, int)} once.
 * Stateless and thread-safe.
 */
public final class GaussianLikelihood {
    private static final double LOG_TWO_PI = Math.log(2.0 * Math.PI);

    private GaussianLikelihood() {
    }

    /**
     * One period's ln h + e² / h (its -2 log density less ln 2π).
     *
     * @param squaredResidual e², in squared return units
     * @param variance        h, the conditional variance, &gt; 0 (the caller checks: an optimizer wants -infinity,
     *                        a forecast a message)
     */
    public static double term(double squaredResidual, double variance) {
        return Math.log(variance) + squaredResidual / variance;
    }

    /**
     * log L = -½ (T ln 2π + Σ terms).
     *
     * @param termSum the sum of {@link #term} over the periods
     * @param periods T, the number of terms summed
     */
    public static double logLikelihood(double termSum, int periods) {
        return -0.5 * (periods * LOG_TWO_PI + termSum);
    }
}
