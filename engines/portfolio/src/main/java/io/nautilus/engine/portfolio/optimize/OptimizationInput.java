package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Matrices;

/**
 * What an optimizer knows about the assets: annualized expected returns and covariance, and the annual
 * risk-free rate (fractions: 0.08 = 8 % a year). Expected returns may be unknown (null) for the methods that need
 * only risk (minimum variance, risk parity, HRP, equal weight, inverse volatility); then expected return and Sharpe
 * of the result are reported as NaN ("no value"). Immutable by contract (arrays are not copied; callers must not
 * mutate them) and thread-safe.
 *
 * @param expectedReturns annualized expected return per asset, or null when unknown
 * @param covariance      annualized covariance, n x n, symmetric, finite, non-negative diagonal
 * @param riskFreeRate    annual risk-free rate, finite
 */
public record OptimizationInput(double[] expectedReturns, double[][] covariance, double riskFreeRate) {
    public OptimizationInput {
        int n = Matrices.requireSquare(covariance, "covariance");
        Matrices.requireFinite(covariance, "covariance");
        for (int i = 0; i < n; i++) {
            if (covariance[i][i] < 0) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] must be >= 0, got " + covariance[i][i]);
            }
            for (int j = 0; j < i; j++) {
                double scale = Math.max(Math.abs(covariance[i][i]), Math.abs(covariance[j][j]));
                if (Math.abs(covariance[i][j] - covariance[j][i]) > 1e-10 * Math.max(scale, 1e-300)) {
                    throw new IllegalArgumentException("covariance must be symmetric: [" + i + "][" + j + "] = "
                            + covariance[i][j] + " but [" + j + "][" + i + "] = " + covariance[j][i]);
                }
            }
        }
        if (expectedReturns != null) {
            if (expectedReturns.length != n) {
                throw new IllegalArgumentException("expected_returns must have one value per asset (" + n + "), got "
                        + expectedReturns.length);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(expectedReturns[i])) {
                    throw new IllegalArgumentException("expected_returns[" + i + "] must be finite, got " + expectedReturns[i]);
                }
            }
        }
        if (!Double.isFinite(riskFreeRate)) {
            throw new IllegalArgumentException("risk_free_rate must be finite, got " + riskFreeRate);
        }
    }

    public int size() {
        return covariance.length;
    }

    /** The expected returns, or a 422-style error naming the method that needs them. */
    double[] requireExpectedReturns(String method) {
        if (expectedReturns == null) {
            throw new IllegalArgumentException("expected_returns (or a returns history) are required for " + method);
        }
        return expectedReturns;
    }
}
