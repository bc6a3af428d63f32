package io.nautilus.engine.risk.var;

import io.nautilus.core.quant.Matrices;
import io.nautilus.core.quant.NormalDistribution;
import io.nautilus.core.quant.covariance.CovarianceEstimator;
import io.nautilus.core.quant.covariance.EwmaCovariance;
import io.nautilus.core.quant.covariance.SampleCovariance;

/**
 * Delta-normal VaR: the portfolio P&amp;L is normal with mean zero and variance {@code m' S m} (m the exposures,
 * S the per-period covariance from the estimator), so {@code VaR = z_c sigma_P sqrt(h)} and
 * {@code ES = sigma_P phi(z_c) / (1 - c) sqrt(h)} (Jorion, <i>Value at Risk</i>, 3rd ed., ch. 7). The mean is
 * taken as zero, the usual convention for daily horizons. Marginal VaR is {@code z_c (S m)_i / sigma_P sqrt(h)},
 * component VaR {@code m_i} times it; they sum to the VaR. {@link #DEFAULT} uses the unbiased sample covariance,
 * {@link #EWMA} the RiskMetrics covariance (lambda 0.94). A zero-variance portfolio has VaR 0 and marginal VaRs
 * 0. Immutable and thread-safe.
 */
public final class ParametricVar implements VarModel {
    /** Fewest periods accepted. */
    public static final int MIN_PERIODS = 20;

    public static final ParametricVar DEFAULT = new ParametricVar(SampleCovariance.DEFAULT, VarMethod.PARAMETRIC);
    public static final ParametricVar EWMA = new ParametricVar(EwmaCovariance.DEFAULT, VarMethod.EWMA);

    private final CovarianceEstimator estimator;
    private final VarMethod label;

    /**
     * @param estimator the covariance estimator
     * @param label     the method reported in the results
     */
    public ParametricVar(CovarianceEstimator estimator, VarMethod label) {
        if (estimator == null || label == null) {
            throw new IllegalArgumentException("estimator and label must not be null");
        }
        this.estimator = estimator;
        this.label = label;
    }

    /** A RiskMetrics EWMA model with the given decay (lambda in (0, 1)). */
    public static ParametricVar ewma(double lambda) {
        return new ParametricVar(new EwmaCovariance(lambda), VarMethod.EWMA);
    }

    @Override
    public VarResult compute(double[][] returns, double[] exposures, double confidence, int horizonDays) {
        VarInputs.check(returns, exposures, confidence, horizonDays, MIN_PERIODS);
        return fromCovariance(estimator.estimate(returns), exposures, confidence, horizonDays, label);
    }

    /**
     * Delta-normal VaR and ES for a given covariance: the closed form shared with the limit checks.
     *
     * @param covariance per-period covariance, square, same size as exposures
     */
    public static VarResult fromCovariance(double[][] covariance, double[] exposures, double confidence,
                                           int horizonDays, VarMethod label) {
        double[] sm = Matrices.multiply(covariance, exposures);
        double variance = Math.max(0.0, Matrices.dot(exposures, sm));
        double sigma = Math.sqrt(variance);
        double scale = Math.sqrt(horizonDays);
        double z = NormalDistribution.standardInverseCdf(confidence);
        int n = exposures.length;
        double[] marginal = new double[n];
        double[] component = new double[n];
        if (sigma > 0) {
            for (int i = 0; i < n; i++) {
                marginal[i] = z * sm[i] / sigma * scale;
                component[i] = exposures[i] * marginal[i];
            }
        }
        return new VarResult(label, confidence, horizonDays, z * sigma * scale,
                esMultiplier(confidence) * sigma * scale, component, marginal, 0);
    }

    /** {@code phi(z_c) / (1 - c)}: the normal ES per unit of standard deviation. */
    public static double esMultiplier(double confidence) {
        double z = NormalDistribution.standardInverseCdf(confidence);
        return NormalDistribution.standardPdf(z) / (1.0 - confidence);
    }
}
