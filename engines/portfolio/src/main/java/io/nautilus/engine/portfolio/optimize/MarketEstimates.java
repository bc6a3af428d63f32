package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.covariance.CovarianceEstimator;
import io.nautilus.core.quant.covariance.Covariances;
import io.nautilus.core.quant.covariance.EwmaCovariance;
import io.nautilus.core.quant.covariance.LedoitWolfCovariance;
import io.nautilus.core.quant.covariance.SampleCovariance;

import java.util.Locale;

/**
 * Turns a return history {@code returns[period][asset]} (per-period simple returns, oldest first) into an
 * annualized {@link OptimizationInput}: expected return = arithmetic mean × periodsPerYear, covariance = the chosen
 * estimator's per-period covariance × periodsPerYear ({@link Covariances#annualize}). Stateless and thread-safe.
 */
public final class MarketEstimates {
    private MarketEstimates() {
    }

    /** The covariance estimator named {@code sample}, {@code ewma} or {@code ledoit_wolf}. */
    public static CovarianceEstimator estimator(String name) {
        String n = name == null ? "sample" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "sample" -> SampleCovariance.DEFAULT;
            case "ewma" -> EwmaCovariance.DEFAULT;
            case "ledoit_wolf", "shrinkage" -> LedoitWolfCovariance.DEFAULT;
            default -> throw new IllegalArgumentException("covariance must be sample, ewma or ledoit_wolf; got '" + name + "'");
        };
    }

    /**
     * @param returns        {@code returns[period][asset]}, at least 2 periods
     * @param estimator      covariance estimator
     * @param periodsPerYear e.g. 252 for daily returns
     * @param riskFreeRate   annual risk-free rate
     */
    public static OptimizationInput fromReturns(double[][] returns, CovarianceEstimator estimator, double periodsPerYear,
                                                double riskFreeRate) {
        if (returns == null || returns.length < 2) {
            throw new IllegalArgumentException("returns must have at least 2 periods, got "
                    + (returns == null ? 0 : returns.length));
        }
        if (!(Double.isFinite(periodsPerYear) && periodsPerYear > 0)) {
            throw new IllegalArgumentException("periods_per_year must be a finite number > 0, got " + periodsPerYear);
        }
        double[][] cov = Covariances.annualize(estimator.estimate(returns), periodsPerYear);
        int n = cov.length;
        double[] mean = new double[n];
        for (double[] period : returns) {
            for (int i = 0; i < n; i++) {
                mean[i] += period[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] = mean[i] / returns.length * periodsPerYear;
        }
        return new OptimizationInput(mean, cov, riskFreeRate);
    }
}
