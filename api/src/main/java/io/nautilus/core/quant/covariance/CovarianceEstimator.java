package io.nautilus.core.quant.covariance;

/**
 * Estimates an asset covariance matrix from a panel of returns.
 *
 * <p>Contract for every implementation: {@code returns[period][asset]}, oldest period first, per-period returns
 * (fractions or log returns, never annualized here); the input is validated (rectangular, finite, enough
 * periods) and never modified; the result is a new, exactly symmetric {@code double[asset][asset]} in the
 * same per-period units. Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface CovarianceEstimator {

    /**
     * @param returns {@code returns[period][asset]}, oldest first
     * @return the per-period covariance matrix, {@code [asset][asset]}
     */
    double[][] estimate(double[][] returns);
}
