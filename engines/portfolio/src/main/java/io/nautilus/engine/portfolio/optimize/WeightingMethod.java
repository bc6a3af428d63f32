package io.nautilus.engine.portfolio.optimize;

/**
 * One way of choosing portfolio weights from an {@link OptimizationInput} under {@link Constraints}. The
 * weights are fractions of portfolio value summing to the budget. Implementations are immutable and thread-safe.
 */
public interface WeightingMethod {

    /**
     * @param input       expected returns, covariance, risk-free rate
     * @param constraints constraints to honour
     * @return the weights, one per asset
     * @throws InfeasibleConstraintsException if no portfolio satisfies the constraints, or this method cannot
     *                                        honour them
     */
    double[] weights(OptimizationInput input, Constraints constraints);
}
