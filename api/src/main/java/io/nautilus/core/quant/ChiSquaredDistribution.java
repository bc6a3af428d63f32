package io.nautilus.core.quant;

/**
 * Chi-squared distribution with k degrees of freedom: CDF and survival function, as needed for likelihood-ratio
 * p-values (Kupiec POF, Christoffersen independence and conditional coverage tests).
 *
 * <p>CDF(x) = P(k/2, x/2) and survival(x) = Q(k/2, x/2) with the regularized incomplete gamma functions of
 * {@link SpecialFunctions}; the survival is computed directly so small p-values keep their relative accuracy.
 * Tested against Apache Commons Math 3.6 {@code ChiSquaredDistribution}. Immutable and thread-safe.
 */
public final class ChiSquaredDistribution {

    private final double degreesOfFreedom;

    private ChiSquaredDistribution(double degreesOfFreedom) {
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /**
     * @param degreesOfFreedom k, finite and &gt; 0 (need not be an integer)
     * @return the distribution
     */
    public static ChiSquaredDistribution of(double degreesOfFreedom) {
        return new ChiSquaredDistribution(Arguments.requirePositive(degreesOfFreedom, "degreesOfFreedom"));
    }

    /** @return k */
    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * @param x statistic; values &lt;= 0 give 0, +infinity gives 1
     * @return P(X &lt;= x)
     */
    public double cdf(double x) {
        requireNotNaN(x);
        if (x <= 0.0) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return SpecialFunctions.regularizedGammaP(0.5 * degreesOfFreedom, 0.5 * x);
    }

    /**
     * Upper tail, the p-value of a likelihood-ratio statistic.
     *
     * @param x statistic; values &lt;= 0 give 1, +infinity gives 0
     * @return P(X &gt; x)
     */
    public double survival(double x) {
        requireNotNaN(x);
        if (x <= 0.0) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return SpecialFunctions.regularizedGammaQ(0.5 * degreesOfFreedom, 0.5 * x);
    }

    private static void requireNotNaN(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must not be NaN");
        }
    }

    @Override
    public String toString() {
        return "ChiSquaredDistribution[degreesOfFreedom=" + degreesOfFreedom + "]";
    }
}
