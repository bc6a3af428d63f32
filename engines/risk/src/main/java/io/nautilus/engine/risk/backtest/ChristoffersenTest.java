package io.nautilus.engine.risk.backtest;

import io.nautilus.core.quant.ChiSquaredDistribution;

/**
 * Christoffersen's tests of VaR exceptions (P. Christoffersen, "Evaluating interval forecasts", International
 * Economic Review 1998). With n_ij the number of days in state j after a day in state i (1 = exception):
 * <pre>
 * pi0 = n01 / (n00 + n01), pi1 = n11 / (n10 + n11), pi = (n01 + n11) / (n00 + n01 + n10 + n11)
 * LR_ind = -2 ln[(1-pi)^(n00+n10) pi^(n01+n11)] + 2 ln[(1-pi0)^n00 pi0^n01 (1-pi1)^n10 pi1^n11]
 * LR_cc  = LR_POF + LR_ind
 * </pre>
 * LR_ind is chi-squared(1) under independence, LR_cc chi-squared(2) under correct conditional coverage, where
 * LR_POF is {@link KupiecTest} on the same T - 1 transitions (Christoffersen's convention: both statistics are
 * computed on the days that have a predecessor). {@code 0 ln 0 = 0}. Stateless and thread-safe.
 */
public final class ChristoffersenTest {
    private static final ChiSquaredDistribution CHI2_1 = ChiSquaredDistribution.of(1);
    private static final ChiSquaredDistribution CHI2_2 = ChiSquaredDistribution.of(2);

    private ChristoffersenTest() {
    }

    /**
     * A test outcome. Immutable.
     *
     * @param n00 no exception followed by no exception
     * @param n01 no exception followed by an exception
     * @param n10 exception followed by no exception
     * @param n11 exception followed by an exception
     * @param lrIndependence  LR_ind
     * @param pValueIndependence P(chi2(1) &gt;= LR_ind)
     * @param lrConditionalCoverage LR_cc
     * @param pValueConditionalCoverage P(chi2(2) &gt;= LR_cc)
     */
    public record Result(int n00, int n01, int n10, int n11, double lrIndependence, double pValueIndependence,
                         double lrConditionalCoverage, double pValueConditionalCoverage) {
    }

    /**
     * @param exceptions   exception indicator per day, oldest first, at least 2 days
     * @param expectedRate p in (0, 1), the VaR's tail probability
     */
    public static Result test(boolean[] exceptions, double expectedRate) {
        if (exceptions == null || exceptions.length < 2) {
            throw new IllegalArgumentException("exceptions must cover at least 2 days");
        }
        KupiecTest.checkRate(expectedRate);
        int n00 = 0;
        int n01 = 0;
        int n10 = 0;
        int n11 = 0;
        for (int t = 1; t < exceptions.length; t++) {
            if (exceptions[t - 1]) {
                if (exceptions[t]) {
                    n11++;
                } else {
                    n10++;
                }
            } else if (exceptions[t]) {
                n01++;
            } else {
                n00++;
            }
        }
        int total = n00 + n01 + n10 + n11;
        double pi = (double) (n01 + n11) / total;
        double pi0 = n00 + n01 == 0 ? 0.0 : (double) n01 / (n00 + n01);
        double pi1 = n10 + n11 == 0 ? 0.0 : (double) n11 / (n10 + n11);
        double restricted = KupiecTest.logBernoulli(n00 + n10, n01 + n11, pi);
        double unrestricted = KupiecTest.logBernoulli(n00, n01, pi0) + KupiecTest.logBernoulli(n10, n11, pi1);
        double lrInd = Math.max(0.0, -2.0 * (restricted - unrestricted));
        double lrPof = KupiecTest.test(total, n01 + n11, expectedRate).lr();
        double lrCc = lrPof + lrInd;
        return new Result(n00, n01, n10, n11, lrInd, CHI2_1.survival(lrInd), lrCc, CHI2_2.survival(lrCc));
    }
}
