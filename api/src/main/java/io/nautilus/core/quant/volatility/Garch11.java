package io.nautilus.core.quant.volatility;

import io.nautilus.core.quant.NelderMead;

/**
 * GARCH(1,1) estimated by Gaussian (quasi-)maximum likelihood:
 * r_t = mu + e_t, h_t = omega + alpha·e²_(t-1) + beta·h_(t-1), log L = -½ Σ (ln 2π + ln h_t + e²_t / h_t)
 * ({@link GaussianLikelihood}).
 *
 * <p>Conventions, matching the Fiorentini-Calzolari-Panattoni (1996) benchmark used by McCullough and Renfro
 * (1998) and Bollerslev and Ghysels (1996): the presample squared residual and variance are both the sample
 * mean of the squared residuals, e²_0 = h_0 = (1/T) Σ e²_t (recomputed for each trial mu), so
 * h_1 = omega + (alpha + beta)·e²_0. On the dem2gbp series this reproduces the published estimates to about 6
 * significant digits (log L = -1106.608).
 *
 * <p>Estimation: {@link NelderMead} on unconstrained parameters (mu; ln omega; logit of alpha + beta; logit of
 * alpha / (alpha + beta)), so omega &gt; 0, alpha &gt;= 0, beta &gt;= 0 and alpha + beta &lt; 1 hold by construction.
 * Optional variance targeting fixes omega = s²·(1 - alpha - beta) with s² the sample mean of squared residuals,
 * leaving only alpha and beta (and mu) to the optimizer. Needs at least {@value #MIN_OBSERVATIONS} returns.
 * Immutable and thread-safe.
 */
public final class Garch11 {

    /** The mean equation. */
    public enum Mean {
        /** r_t = e_t: returns already demeaned or assumed zero-mean (usual for daily risk). */
        ZERO,
        /** r_t = mu + e_t with mu estimated jointly. */
        CONSTANT
    }

    /** How omega is determined. */
    public enum Intercept {
        /** omega estimated freely. */
        FREE,
        /** omega = sample variance · (1 - alpha - beta): the long-run variance equals the sample's. */
        VARIANCE_TARGETING
    }

    /** Minimum number of returns accepted by {@link #fit}. */
    public static final int MIN_OBSERVATIONS = 10;
    /** Constant mean, free intercept: the textbook specification. */
    public static final Garch11 DEFAULT = new Garch11(Mean.CONSTANT, Intercept.FREE);

    private static final double START_PERSISTENCE = 0.95;
    private static final double START_ALPHA_SHARE = 0.05;

    private final Mean mean;
    private final Intercept intercept;
    private final NelderMead optimizer;

    /**
     * @param mean      mean equation
     * @param intercept free omega or variance targeting
     */
    public Garch11(Mean mean, Intercept intercept) {
        this(mean, intercept, NelderMead.DEFAULT);
    }

    /**
     * @param mean      mean equation
     * @param intercept free omega or variance targeting
     * @param optimizer the minimizer of the negative log-likelihood
     */
    public Garch11(Mean mean, Intercept intercept, NelderMead optimizer) {
        if (mean == null || intercept == null || optimizer == null) {
            throw new IllegalArgumentException("mean, intercept and optimizer must not be null");
        }
        this.mean = mean;
        this.intercept = intercept;
        this.optimizer = optimizer;
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param returns per-period returns, oldest first, finite, at least {@value #MIN_OBSERVATIONS}, not constant
     * @return the estimate
     */
    public Garch11Fit fit(double[] returns) {
        requireReturns(returns);
        if (returns.length < MIN_OBSERVATIONS) {
            throw new IllegalArgumentException("returns must have at least " + MIN_OBSERVATIONS
                + " observations, had " + returns.length);
        }
        double sampleMean = 0.0;
        for (double r : returns) {
            sampleMean += r;
        }
        sampleMean /= returns.length;
        double startMu = mean == Mean.CONSTANT ? sampleMean : 0.0;
        double variance = meanSquare(returns, startMu);
        if (!(variance > 0.0)) {
            throw new IllegalArgumentException("returns must not be constant: their variance is 0");
        }
        boolean withMu = mean == Mean.CONSTANT;
        boolean freeOmega = intercept == Intercept.FREE;
        int dim = (withMu ? 1 : 0) + (freeOmega ? 1 : 0) + 2;
        double[] start = new double[dim];
        double[] steps = new double[dim];
        int k = 0;
        if (withMu) {
            start[k] = startMu;
            steps[k++] = 0.1 * Math.sqrt(variance);
        }
        if (freeOmega) {
            start[k] = Math.log(variance * (1.0 - START_PERSISTENCE));
            steps[k++] = 0.5;
        }
        start[k] = logit(START_PERSISTENCE);
        steps[k++] = 0.5;
        start[k] = logit(START_ALPHA_SHARE);
        steps[k] = 0.5;

        double[] p = new double[4];
        NelderMead.Result result = optimizer.minimize(theta -> {
            toParameters(theta, returns, p);
            return -logLikelihood(returns, p[0], p[1], p[2], p[3]);
        }, start, steps);

        toParameters(result.point(), returns, p);
        double[] h = conditionalVariances(returns, p[0], p[1], p[2], p[3]);
        int last = returns.length - 1;
        double e = returns[last] - p[0];
        double next = p[1] + p[2] * e * e + p[3] * h[last];
        return new Garch11Fit(p[0], p[1], p[2], p[3], -result.value(), next, returns.length, result.converged());
    }

    /** Maps the optimizer's unconstrained vector to (mu, omega, alpha, beta). */
    private void toParameters(double[] theta, double[] returns, double[] out) {
        int k = 0;
        double mu = mean == Mean.CONSTANT ? theta[k++] : 0.0;
        double logOmega = intercept == Intercept.FREE ? theta[k++] : 0.0;
        double persistence = logistic(theta[k++]);
        double share = logistic(theta[k]);
        double alpha = persistence * share;
        double beta = persistence - alpha;
        double omega = intercept == Intercept.FREE
            ? Math.exp(logOmega)
            : meanSquare(returns, mu) * (1.0 - persistence);
        out[0] = mu;
        out[1] = omega;
        out[2] = alpha;
        out[3] = beta;
    }

    /**
     * Gaussian log-likelihood of a GARCH(1,1) with the presample convention above. Returns -infinity where the
     * variance path is not positive and finite (so optimizers reject the point).
     *
     * @return log L including the -T/2·ln(2π) constant
     */
    public static double logLikelihood(double[] returns, double mu, double omega, double alpha, double beta) {
        double presample = meanSquare(returns, mu);
        double h = omega + (alpha + beta) * presample;
        double sum = 0.0;
        for (double r : returns) {
            if (!(h > 0.0) || Double.isInfinite(h)) {
                return Double.NEGATIVE_INFINITY;
            }
            double e = r - mu;
            double e2 = e * e;
            sum += GaussianLikelihood.term(e2, h);
            h = omega + alpha * e2 + beta * h;
        }
        return GaussianLikelihood.logLikelihood(sum, returns.length);
    }

    /**
     * Conditional variances h_1..h_T with the presample convention above.
     *
     * @param returns per-period returns, oldest first, finite, non-empty
     * @return h_t per period
     */
    public static double[] conditionalVariances(double[] returns, double mu, double omega, double alpha,
                                                double beta) {
        requireReturns(returns);
        double[] h = new double[returns.length];
        double prev = omega + (alpha + beta) * meanSquare(returns, mu);
        for (int t = 0; t < returns.length; t++) {
            h[t] = prev;
            double e = returns[t] - mu;
            prev = omega + alpha * e * e + beta * prev;
        }
        return h;
    }

    private static double meanSquare(double[] returns, double mu) {
        double sum = 0.0;
        for (double r : returns) {
            double e = r - mu;
            sum += e * e;
        }
        return sum / returns.length;
    }

    private static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static double logit(double p) {
        return Math.log(p / (1.0 - p));
    }

    private static void requireReturns(double[] returns) {
        if (returns == null || returns.length == 0) {
            throw new IllegalArgumentException("returns must not be empty");
        }
        for (int t = 0; t < returns.length; t++) {
            if (!Double.isFinite(returns[t])) {
                throw new IllegalArgumentException("returns[" + t + "] must be finite, was " + returns[t]);
            }
        }
    }
}
