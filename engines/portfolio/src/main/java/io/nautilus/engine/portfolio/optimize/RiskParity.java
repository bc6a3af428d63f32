package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Matrices;

import java.util.Arrays;

/**
 * Risk parity (equal risk contribution, or risk budgeting with budgets b): long-only weights whose contributions
 * w_i(Σw)_i to the portfolio variance are proportional to b_i (equal by default).
 *
 * <p>Solved by Newton's method on the strictly convex problem of Spinu ("An algorithm for computing risk
 * parity weights", 2013): minimise ½·yᵀΣy − Σ b_i ln y_i over y &gt; 0, whose unique minimiser satisfies
 * y_i(Σy)_i = b_i; then w = budget · y / Σy. Each step solves (Σ + diag(b/y²))·d = gradient by Cholesky, with a
 * backtracking line search keeping y positive; it stops when max_i |y_i(Σy)_i − b_i| ≤ 1e-13. Requires a
 * positive-definite covariance. Only the budget and constraints the result happens to satisfy are honoured
 * (others give {@link InfeasibleConstraintsException}). Immutable and thread-safe.
 */
public final class RiskParity implements WeightingMethod {
    /** Equal risk contributions. */
    public static final RiskParity DEFAULT = new RiskParity(null);
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-13;

    private final double[] riskBudgets;

    /** @param riskBudgets positive risk budgets (normalized to sum 1), or null for equal contributions */
    public RiskParity(double[] riskBudgets) {
        if (riskBudgets != null) {
            double sum = 0;
            for (double b : riskBudgets) {
                if (!(Double.isFinite(b) && b > 0)) {
                    throw new IllegalArgumentException("risk budgets must be finite numbers > 0, got " + b);
                }
                sum += b;
            }
            riskBudgets = riskBudgets.clone();
            for (int i = 0; i < riskBudgets.length; i++) {
                riskBudgets[i] /= sum;
            }
        }
        this.riskBudgets = riskBudgets;
    }

    @Override
    public double[] weights(OptimizationInput input, Constraints constraints) {
        double[][] cov = input.covariance();
        int n = cov.length;
        double[] b = riskBudgets;
        if (b == null) {
            b = new double[n];
            Arrays.fill(b, 1.0 / n);
        } else if (b.length != n) {
            throw new IllegalArgumentException("risk budgets must have one value per asset (" + n + "), got " + b.length);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(cov[i][i] > 0)) {
                throw new InfeasibleConstraintsException("risk_parity needs a positive variance for every asset; asset "
                        + i + " has " + cov[i][i]);
            }
            y[i] = 1.0 / Math.sqrt(cov[i][i]);
        }
        double scale = Math.sqrt(1.0 / Matrices.quadraticForm(cov, y));
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] sy = Matrices.multiply(cov, y);
            double worst = 0;
            double[] gradient = new double[n];
            double[][] hessian = new double[n][];
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(y[i] * sy[i] - b[i]));
                gradient[i] = sy[i] - b[i] / y[i];
                hessian[i] = cov[i].clone();
                hessian[i][i] += b[i] / (y[i] * y[i]);
            }
            if (worst <= TOLERANCE) {
                break;
            }
            double[] step = Matrices.solveSpd(hessian, gradient);
            double t = 1.0;
            double f0 = objective(cov, b, y);
            double[] next = new double[n];
            while (true) {
                boolean positive = true;
                for (int i = 0; i < n; i++) {
                    next[i] = y[i] - t * step[i];
                    positive &= next[i] > 0;
                }
                if (positive && objective(cov, b, next) <= f0 - 1e-4 * t * Matrices.dot(gradient, step) || t < 1e-12) {
                    break;
                }
                t *= 0.5;
            }
            System.arraycopy(next, 0, y, 0, n);
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = constraints.budget() * y[i] / sum;
        }
        constraints.requireSatisfiedBy(w, "risk_parity");
        return w;
    }

    private static double objective(double[][] cov, double[] b, double[] y) {
        double f = 0.5 * Matrices.quadraticForm(cov, y);
        for (int i = 0; i < y.length; i++) {
            f -= b[i] * Math.log(y[i]);
        }
        return f;
    }
}
