package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Matrices;

/**
 * The outcome of an optimization, in the units of its {@link OptimizationInput} (annualized fractions).
 * Immutable by contract and thread-safe.
 *
 * @param weights           weight per asset (fractions of portfolio value)
 * @param expectedReturn    μᵀw, or NaN when expected returns were unknown
 * @param risk              portfolio volatility sqrt(wᵀΣw)
 * @param sharpeRatio       (μᵀw − r_f) / risk, or NaN when expected returns were unknown or risk is 0
 * @param riskContributions each asset's share of portfolio variance, w_i(Σw)_i / wᵀΣw (they sum to 1; all 0
 *                          when the risk is 0)
 */
public record OptimizationResult(double[] weights, double expectedReturn, double risk, double sharpeRatio,
                                 double[] riskContributions) {

    /** Evaluates weights against an input. */
    public static OptimizationResult of(double[] weights, OptimizationInput input) {
        double[] sigmaW = Matrices.multiply(input.covariance(), weights);
        double variance = Math.max(0, Matrices.dot(weights, sigmaW));
        double risk = Math.sqrt(variance);
        double[] contributions = new double[weights.length];
        if (variance > 0) {
            for (int i = 0; i < weights.length; i++) {
                contributions[i] = weights[i] * sigmaW[i] / variance;
            }
        }
        double expected = input.expectedReturns() == null ? Double.NaN : Matrices.dot(input.expectedReturns(), weights);
        double sharpe = Double.isNaN(expected) || risk == 0 ? Double.NaN : (expected - input.riskFreeRate()) / risk;
        return new OptimizationResult(weights, expected, risk, sharpe, contributions);
    }
}
