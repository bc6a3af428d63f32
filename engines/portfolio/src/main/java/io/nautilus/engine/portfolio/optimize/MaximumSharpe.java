package io.nautilus.engine.portfolio.optimize;

/**
 * Maximum Sharpe ratio (tangency) portfolio: maximise (μᵀw − r_f)/sqrt(wᵀΣw) under the constraints. Solved as the
 * convex program of Cornuejols and Tütüncü (Optimization Methods in Finance, 2007, §8.2): minimise yᵀΣy subject
 * to (μ − r_f)ᵀy = 1 and the constraints scaled by κ = Σy/budget, then w = y/κ. Requires at least one asset whose
 * expected return exceeds the risk-free rate. Stateless and thread-safe.
 */
public final class MaximumSharpe implements WeightingMethod {
    public static final MaximumSharpe DEFAULT = new MaximumSharpe();

    @Override
    public double[] weights(OptimizationInput input, Constraints constraints) {
        double[] mu = input.requireExpectedReturns("max_sharpe");
        int n = input.size();
        double[] excess = new double[n];
        boolean anyPositive = false;
        for (int i = 0; i < n; i++) {
            excess[i] = mu[i] - input.riskFreeRate();
            anyPositive |= excess[i] > 0;
        }
        if (!anyPositive && constraints.isLongOnly()) {
            throw new InfeasibleConstraintsException("max_sharpe needs an asset whose expected return exceeds the "
                    + "risk-free rate " + input.riskFreeRate());
        }
        double[] w = new double[n];
        if (constraints.isPlainLongOnly()) {
            ProgramBuilder pb = new ProgramBuilder(n);
            pb.quadratic(input.covariance(), 1.0);
            pb.equality(excess.clone(), 1.0);
            java.util.Arrays.fill(pb.lower, 0.0);
            double[] y = QpSolver.DEFAULT.solve(pb.build());
            double sum = 0;
            for (double v : y) {
                sum += v;
            }
            for (int i = 0; i < n; i++) {
                w[i] = constraints.budget() * y[i] / sum;
            }
            return w;
        }
        double[] x = QpSolver.DEFAULT.solve(constraints.sharpeProgram(input.covariance(), excess));
        double kappa = x[n];
        if (!(kappa > 1e-12)) {
            throw new InfeasibleConstraintsException("max_sharpe: no portfolio under these constraints has an expected "
                    + "return above the risk-free rate");
        }
        for (int i = 0; i < n; i++) {
            w[i] = x[i] / kappa;
        }
        return w;
    }
}
