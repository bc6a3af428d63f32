package io.nautilus.engine.portfolio.optimize;

import java.util.Arrays;

/**
 * Global minimum-variance portfolio: minimise wᵀΣw under the constraints (Markowitz 1952). Without bounds the
 * solution is the closed form w = budget·Σ⁻¹1 / (1ᵀΣ⁻¹1). Solved by {@link QpSolver}. Stateless and thread-safe.
 */
public final class MinimumVariance implements WeightingMethod {
    public static final MinimumVariance DEFAULT = new MinimumVariance();

    @Override
    public double[] weights(OptimizationInput input, Constraints constraints) {
        double[] x = QpSolver.DEFAULT.solve(constraints.program(input.covariance(), new double[input.size()]));
        return Arrays.copyOf(x, input.size());
    }
}
