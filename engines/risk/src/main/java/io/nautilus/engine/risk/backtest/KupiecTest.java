package io.nautilus.engine.risk.backtest;

import io.nautilus.core.quant.ChiSquaredDistribution;

/**
 * Kupiec's proportion-of-failures test (P. Kupiec, "Techniques for verifying the accuracy of risk measurement
 * models", Journal of Derivatives 1995): with T observations, x VaR exceptions and expected exception rate p,
 * <pre>LR_POF = -2 ln[(1-p)^(T-x) p^x] + 2 ln[(1-x/T)^(T-x) (x/T)^x]</pre>
 * which is chi-squared with 1 degree of freedom under the null that the exception rate is p ({@code 0 ln 0 = 0}).
 * Stateless and thread-safe.
 */
public final class KupiecTest {
    private static final ChiSquaredDistribution CHI2_1 = ChiSquaredDistribution.of(1);

    private KupiecTest() {
    }

    /**
     * A test outcome. Immutable.
     *
     * @param observations T
     * @param exceptions   x
     * @param expectedRate p
     * @param lr           the likelihood-ratio statistic, &gt;= 0
     * @param pValue       P(chi2(1) &gt;= lr)
     */
    public record Result(int observations, int exceptions, double expectedRate, double lr, double pValue) {
        /** True when the model is rejected at significance {@code alpha} (e.g. 0.05). */
        public boolean rejects(double alpha) {
            return pValue < alpha;
        }
    }

    /**
     * @param observations T &gt;= 1
     * @param exceptions   x in [0, T]
     * @param expectedRate p in (0, 1), the VaR's tail probability (0.01 for a 99% VaR)
     */
    public static Result test(int observations, int exceptions, double expectedRate) {
        if (observations < 1) {
            throw new IllegalArgumentException("observations must be >= 1, got " + observations);
        }
        if (exceptions < 0 || exceptions > observations) {
            throw new IllegalArgumentException("exceptions must be in [0, " + observations + "], got " + exceptions);
        }
        checkRate(expectedRate);
        double observed = (double) exceptions / observations;
        double lr = -2.0 * (logBernoulli(observations - exceptions, exceptions, expectedRate)
                - logBernoulli(observations - exceptions, exceptions, observed));
        lr = Math.max(0.0, lr);
        return new Result(observations, exceptions, expectedRate, lr, CHI2_1.survival(lr));
    }

    /** {@code misses ln(1-p) + hits ln(p)}, with {@code 0 ln 0 = 0}. */
    static double logBernoulli(long misses, long hits, double p) {
        return xLogY(misses, 1.0 - p) + xLogY(hits, p);
    }

    private static double xLogY(long x, double y) {
        return x == 0 ? 0.0 : x * Math.log(y);
    }

    static void checkRate(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("expected_rate must be in (0, 1), got " + p);
        }
    }
}
