package io.nautilus.core.quant;

/**
 * Student's t distribution with nu degrees of freedom (location 0, scale 1): density, CDF and quantile.
 *
 * <p>The CDF uses the regularized incomplete beta function, P(T &lt;= t) = 1 - I_x(nu/2, 1/2)/2 with
 * x = nu/(nu + t²) for t &gt; 0 (and symmetry for t &lt; 0). The quantile inverts the CDF by safeguarded Newton
 * iteration inside a bracket, to about 1e-12 relative. Note that the variance is nu/(nu-2), not 1: to use a
 * t with unit variance (as in t-VaR), scale quantiles by {@link #unitVarianceScale()}. Tested against Apache
 * Commons Math 3.6 {@code TDistribution}. Immutable and thread-safe.
 */
public final class StudentTDistribution {

    private static final int MAX_ITERATIONS = 200;
    private static final double QUANTILE_TOLERANCE = 1e-13;

    private final double degreesOfFreedom;
    private final double logDensityNormalizer;

    private StudentTDistribution(double degreesOfFreedom) {
        this.degreesOfFreedom = degreesOfFreedom;
        this.logDensityNormalizer = SpecialFunctions.logGamma(0.5 * (degreesOfFreedom + 1.0))
            - SpecialFunctions.logGamma(0.5 * degreesOfFreedom) - 0.5 * Math.log(degreesOfFreedom * Math.PI);
    }

    /**
     * @param degreesOfFreedom nu, finite and &gt; 0
     * @return the distribution
     */
    public static StudentTDistribution of(double degreesOfFreedom) {
        return new StudentTDistribution(Arguments.requirePositive(degreesOfFreedom, "degreesOfFreedom"));
    }

    /** @return nu */
    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * Factor sqrt((nu-2)/nu) that turns this t into one with unit variance.
     *
     * @return the scale; throws for nu &lt;= 2, where the variance is infinite
     */
    public double unitVarianceScale() {
        if (!(degreesOfFreedom > 2.0)) {
            throw new IllegalStateException("variance is infinite for degreesOfFreedom <= 2, was " + degreesOfFreedom);
        }
        return Math.sqrt((degreesOfFreedom - 2.0) / degreesOfFreedom);
    }

    /** @return density at t */
    public double pdf(double t) {
        return Math.exp(logDensityNormalizer
            - 0.5 * (degreesOfFreedom + 1.0) * Math.log1p(t * t / degreesOfFreedom));
    }

    /** @return P(T &lt;= t); infinities give 0 and 1 */
    public double cdf(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must not be NaN");
        }
        if (t == 0.0) {
            return 0.5;
        }
        if (Double.isInfinite(t)) {
            return t > 0.0 ? 1.0 : 0.0;
        }
        double tail = 0.5 * SpecialFunctions.regularizedBeta(
            degreesOfFreedom / (degreesOfFreedom + t * t), 0.5 * degreesOfFreedom, 0.5);
        return t > 0.0 ? 1.0 - tail : tail;
    }

    /**
     * Quantile: the t with P(T &lt;= t) = p.
     *
     * @param p probability in [0, 1]; 0 and 1 give -infinity and +infinity
     * @return the quantile
     */
    public double inverseCdf(double p) {
        Arguments.requireProbability(p);
        if (p == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0.0;
        }
        // Solve in the lower tail (better relative accuracy), then reflect.
        double target = Math.min(p, 1.0 - p);
        double hi = 0.0;
        double lo = -1.0;
        while (cdf(lo) > target) {
            hi = lo;
            lo *= 2.0;
        }
        double t = Math.max(lo, Math.min(hi, NormalDistribution.standardInverseCdf(target)));
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double f = cdf(t) - target;
            if (f > 0.0) {
                hi = t;
            } else {
                lo = t;
            }
            double next = t - f / pdf(t);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) <= QUANTILE_TOLERANCE * Math.max(1.0, Math.abs(t))) {
                t = next;
                break;
            }
            t = next;
        }
        return p < 0.5 ? t : -t;
    }

    @Override
    public String toString() {
        return "StudentTDistribution[degreesOfFreedom=" + degreesOfFreedom + "]";
    }
}
