package io.nautilus.engine.portfolio.optimize;

/**
 * Weights proportional to 1/σ_i (σ_i = sqrt(Σ_ii)), scaled to the budget. An asset with zero volatility makes the
 * weights undefined and is rejected. Stateless and thread-safe.
 */
public final class InverseVolatility implements WeightingMethod {
    public static final InverseVolatility DEFAULT = new InverseVolatility();

    @Override
    public double[] weights(OptimizationInput input, Constraints constraints) {
        double[][] cov = input.covariance();
        double[] w = new double[cov.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(cov[i][i] > 0)) {
                throw new InfeasibleConstraintsException("inverse_volatility needs a positive volatility for every "
                        + "asset; asset " + i + " has variance " + cov[i][i]);
            }
            w[i] = 1.0 / Math.sqrt(cov[i][i]);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] *= constraints.budget() / sum;
        }
        constraints.requireSatisfiedBy(w, "inverse_volatility");
        return w;
    }
}
