package io.nautilus.core.quant;

import java.util.Arrays;

/**
 * Derivative-free minimizer: the Nelder-Mead downhill simplex with the standard coefficients (reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2; Lagarias et al., SIAM J. Optim. 1998), restarted from the best
 * vertex until a restart no longer improves the minimum (guards against a collapsed simplex).
 *
 * <p>Unconstrained: map constrained parameters through a transform (exp, logistic) inside the objective, or
 * return {@code Double.POSITIVE_INFINITY} for infeasible points (NaN is treated the same way). Converged when
 * the spread of the simplex's objective values is at most {@code tolerance·(|f_best| + tolerance)}. Immutable
 * and thread-safe; each call works on its own simplex.
 */
public final class NelderMead {

    /** Relative tolerance 1e-12, at most 20 000 evaluations. */
    public static final NelderMead DEFAULT = new NelderMead(1e-12, 20_000);

    private static final int MAX_RESTARTS = 10;

    /** The function to minimize; called with a scratch array it must not keep. */
    @FunctionalInterface
    public interface Objective {
        /**
         * @param x point
         * @return objective value; +infinity (or NaN) marks an infeasible point
         */
        double value(double[] x);
    }

    /**
     * @param point       the best point found (a copy)
     * @param value       objective at {@code point}
     * @param evaluations objective evaluations used
     * @param converged   whether the tolerance was met before the evaluation budget ran out
     */
    public record Result(double[] point, double value, int evaluations, boolean converged) {
        public Result {
            point = point.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }
    }

    private final double tolerance;
    private final int maxEvaluations;

    /**
     * @param tolerance      relative tolerance on the simplex's objective spread, in (0, 1)
     * @param maxEvaluations evaluation budget, &gt; 0
     */
    public NelderMead(double tolerance, int maxEvaluations) {
        if (!(tolerance > 0.0 && tolerance < 1.0)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), was " + tolerance);
        }
        if (maxEvaluations <= 0) {
            throw new IllegalArgumentException("maxEvaluations must be > 0, was " + maxEvaluations);
        }
        this.tolerance = tolerance;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * Minimizes f from a start point with the same initial step along every axis.
     *
     * @param f     objective
     * @param start starting point, finite
     * @param step  initial simplex edge, finite and non-zero
     * @return the best point found
     */
    public Result minimize(Objective f, double[] start, double step) {
        double[] steps = new double[start.length];
        Arrays.fill(steps, step);
        return minimize(f, start, steps);
    }

    /**
     * Minimizes f from a start point with a per-axis initial step (the scale of each parameter).
     *
     * @param f     objective
     * @param start starting point, finite, length &gt;= 1
     * @param steps initial simplex edge per axis, finite and non-zero
     * @return the best point found
     */
    public Result minimize(Objective f, double[] start, double[] steps) {
        int n = start.length;
        if (n == 0 || steps.length != n) {
            throw new IllegalArgumentException("start must be non-empty and steps must have the same length, were "
                + n + " and " + steps.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(start[i]) || !Double.isFinite(steps[i]) || steps[i] == 0.0) {
                throw new IllegalArgumentException("start[" + i + "] must be finite and steps[" + i
                    + "] finite and non-zero, were " + start[i] + " and " + steps[i]);
            }
        }
        Search search = new Search(f, n);
        double[] best = start.clone();
        double bestValue = search.evaluate(best);
        boolean converged = false;
        for (int restart = 0; restart <= MAX_RESTARTS && search.evaluations < maxEvaluations; restart++) {
            converged = search.run(best, steps);
            double value = search.values[0];
            boolean improved = value < bestValue - tolerance * (Math.abs(bestValue) + tolerance);
            if (value <= bestValue) {
                best = search.simplex[0].clone();
                bestValue = value;
            }
            if (converged && !improved && restart > 0) {
                break;
            }
        }
        return new Result(best, bestValue, search.evaluations, converged);
    }

    /** One simplex and its evaluation counter. */
    private final class Search {
        private final Objective f;
        private final int n;
        private final double[][] simplex;
        private final double[] values;
        private final double[] centroid;
        private final double[] trial;
        private final double[] trial2;
        private int evaluations;

        Search(Objective f, int n) {
            this.f = f;
            this.n = n;
            this.simplex = new double[n + 1][n];
            this.values = new double[n + 1];
            this.centroid = new double[n];
            this.trial = new double[n];
            this.trial2 = new double[n];
        }

        double evaluate(double[] x) {
            evaluations++;
            double v = f.value(x);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }

        boolean run(double[] start, double[] steps) {
            for (int i = 0; i <= n; i++) {
                System.arraycopy(start, 0, simplex[i], 0, n);
                if (i > 0) {
                    simplex[i][i - 1] += steps[i - 1];
                }
                values[i] = evaluate(simplex[i]);
            }
            while (evaluations < maxEvaluations) {
                sort();
                double spread = values[n] - values[0];
                if (spread <= tolerance * (Math.abs(values[0]) + tolerance)) {
                    return true;
                }
                Arrays.fill(centroid, 0.0);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        centroid[j] += simplex[i][j] / n;
                    }
                }
                double reflected = move(trial, -1.0);
                if (reflected < values[0]) {
                    double expanded = move(trial2, -2.0);
                    accept(expanded < reflected ? trial2 : trial, Math.min(expanded, reflected));
                } else if (reflected < values[n - 1]) {
                    accept(trial, reflected);
                } else {
                    // Outside contraction if the reflection beat the worst vertex, inside contraction otherwise.
                    boolean outside = reflected < values[n];
                    double contracted = move(trial2, outside ? -0.5 : 0.5);
                    if (contracted < (outside ? reflected : values[n])) {
                        accept(trial2, contracted);
                    } else {
                        shrink();
                    }
                }
            }
            sort();
            return false;
        }

        /** target = centroid + coefficient·(worst - centroid); returns f(target). */
        private double move(double[] target, double coefficient) {
            double[] worst = simplex[n];
            for (int j = 0; j < n; j++) {
                target[j] = centroid[j] + coefficient * (worst[j] - centroid[j]);
            }
            return evaluate(target);
        }

        private void accept(double[] point, double value) {
            System.arraycopy(point, 0, simplex[n], 0, n);
            values[n] = value;
        }

        private void shrink() {
            double[] best = simplex[0];
            for (int i = 1; i <= n; i++) {
                for (int j = 0; j < n; j++) {
                    simplex[i][j] = best[j] + 0.5 * (simplex[i][j] - best[j]);
                }
                values[i] = evaluate(simplex[i]);
            }
        }

        /** Insertion sort of vertices by value (n is small). */
        private void sort() {
            for (int i = 1; i <= n; i++) {
                double v = values[i];
                double[] x = simplex[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v) {
                    values[j + 1] = values[j];
                    simplex[j + 1] = simplex[j];
                    j--;
                }
                values[j + 1] = v;
                simplex[j + 1] = x;
            }
        }
    }
}
