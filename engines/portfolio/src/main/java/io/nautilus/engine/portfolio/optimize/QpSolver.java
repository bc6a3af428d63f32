package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Cholesky;
import io.nautilus.core.quant.Matrices;
import io.nautilus.core.quant.NotPositiveDefiniteException;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * Solves a {@link QuadraticProgram}.
 *
 * <p>Two paths with one contract. Programs with only equalities and bounds (long-only or boxed minimum variance,
 * maximum Sharpe, mean-variance) go first to a primal-dual active-set method (Hintermüller, Ito and Kunisch,
 * "The primal-dual active set strategy as a semismooth Newton method", SIAM J. Optim. 13(3), 2003): each
 * iteration fixes the variables whose bound is active, solves the equality-constrained problem on the free ones
 * with one Cholesky factorization, and moves every variable whose multiplier or bound test fails at once, so a
 * 500-asset long-only problem needs a handful of iterations. Its answer is accepted only when it satisfies the
 * KKT conditions (primal feasibility, multiplier signs) to {@link #TOLERANCE}. Programs with inequality rows
 * (sector caps, turnover), and any program the fast path does not settle, go to ojAlgo's {@link ConvexSolver}
 * (active set). An infeasible program throws {@link InfeasibleConstraintsException}; there is no fallback to
 * some other portfolio. Stateless and thread-safe.
 */
public final class QpSolver {
    /** The shared instance. */
    public static final QpSolver DEFAULT = new QpSolver();
    /** Feasibility and KKT tolerance (absolute, in the units of x and of the scaled multipliers). */
    public static final double TOLERANCE = 1e-9;
    private static final int MAX_ACTIVE_SET_ITERATIONS = 100;
    private static final byte FREE = 0;
    private static final byte AT_LOWER = 1;
    private static final byte AT_UPPER = 2;

    /**
     * @param p the program
     * @return the minimiser x
     * @throws InfeasibleConstraintsException if no x satisfies the constraints, or the program is unbounded
     */
    public double[] solve(QuadraticProgram p) {
        if (!p.hasInequalityRows()) {
            double[] x = activeSet(p);
            if (x != null) {
                return x;
            }
        }
        return ojAlgo(p);
    }

    /** The primal-dual active-set iteration; null when it does not converge to a verified KKT point. */
    static double[] activeSet(QuadraticProgram p) {
        int n = p.size();
        double[][] q = p.q();
        double[] lower = p.lower();
        double[] upper = p.upper();
        double rho = 0;
        for (int i = 0; i < n; i++) {
            rho += q[i][i];
        }
        rho = rho > 0 ? rho / n : 1.0;
        byte[] state = new byte[n];
        double[] x = new double[n];
        double[] z = new double[n];
        for (int iteration = 0; iteration < MAX_ACTIVE_SET_ITERATIONS; iteration++) {
            if (!solveOnFreeSet(p, state, x, z)) {
                return null;
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                byte next = FREE;
                if (upper[i] != Double.POSITIVE_INFINITY && z[i] + rho * (x[i] - upper[i]) > 0) {
                    next = AT_UPPER;
                } else if (lower[i] != Double.NEGATIVE_INFINITY && z[i] + rho * (x[i] - lower[i]) < 0) {
                    next = AT_LOWER;
                }
                if (next != state[i]) {
                    changed = true;
                    state[i] = next;
                }
            }
            if (!changed) {
                return isKktPoint(p, state, x, z, rho) ? x : null;
            }
        }
        return null;
    }

    /**
     * Fixes the bound variables, solves the equality-constrained problem on the free ones through the Schur
     * complement of their Hessian block, and fills x and the bound multipliers z = c − Qx − Aᵀλ.
     */
    private static boolean solveOnFreeSet(QuadraticProgram p, byte[] state, double[] x, double[] z) {
        int n = p.size();
        double[][] q = p.q();
        double[][] a = p.a();
        int m = a.length;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (state[i] == FREE) {
                k++;
            } else {
                x[i] = state[i] == AT_LOWER ? p.lower()[i] : p.upper()[i];
            }
        }
        int[] free = new int[k];
        for (int i = 0, f = 0; i < n; i++) {
            if (state[i] == FREE) {
                free[f++] = i;
            }
        }
        double[] residual = p.b().clone();
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                if (state[i] != FREE) {
                    residual[r] -= a[r][i] * x[i];
                }
            }
        }
        double[] lambda = new double[m];
        if (k == 0) {
            for (int r = 0; r < m; r++) {
                if (Math.abs(residual[r]) > TOLERANCE) {
                    return false;
                }
            }
        } else {
            double[][] qff = new double[k][k];
            double[] rhs = new double[k];
            for (int f = 0; f < k; f++) {
                double[] qi = q[free[f]];
                for (int g = 0; g < k; g++) {
                    qff[f][g] = qi[free[g]];
                }
                double s = p.c()[free[f]];
                for (int j = 0; j < n; j++) {
                    if (state[j] != FREE) {
                        s -= qi[j] * x[j];
                    }
                }
                rhs[f] = s;
            }
            Cholesky chol;
            try {
                chol = Cholesky.decompose(qff);
            } catch (NotPositiveDefiniteException e) {
                return false;
            }
            double[] y0 = chol.solve(rhs);
            if (m > 0) {
                double[][] y = new double[m][];
                double[][] schur = new double[m][m];
                double[] schurRhs = new double[m];
                for (int r = 0; r < m; r++) {
                    double[] af = new double[k];
                    for (int f = 0; f < k; f++) {
                        af[f] = a[r][free[f]];
                    }
                    y[r] = chol.solve(af);
                }
                for (int r = 0; r < m; r++) {
                    for (int s = 0; s < m; s++) {
                        double v = 0;
                        for (int f = 0; f < k; f++) {
                            v += a[r][free[f]] * y[s][f];
                        }
                        schur[r][s] = v;
                    }
                    double v = 0;
                    for (int f = 0; f < k; f++) {
                        v += a[r][free[f]] * y0[f];
                    }
                    schurRhs[r] = v - residual[r];
                }
                try {
                    lambda = Matrices.solveSpd(schur, schurRhs);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                for (int r = 0; r < m; r++) {
                    for (int f = 0; f < k; f++) {
                        y0[f] -= y[r][f] * lambda[r];
                    }
                }
            }
            for (int f = 0; f < k; f++) {
                x[free[f]] = y0[f];
            }
        }
        double[] qx = Matrices.multiply(q, x);
        for (int i = 0; i < n; i++) {
            double s = p.c()[i] - qx[i];
            for (int r = 0; r < m; r++) {
                s -= a[r][i] * lambda[r];
            }
            z[i] = state[i] == FREE ? 0.0 : s;
        }
        return true;
    }

    private static boolean isKktPoint(QuadraticProgram p, byte[] state, double[] x, double[] z, double rho) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < p.lower()[i] - TOLERANCE || x[i] > p.upper()[i] + TOLERANCE) {
                return false;
            }
            double scaled = z[i] / rho;
            if ((state[i] == AT_UPPER && scaled < -TOLERANCE) || (state[i] == AT_LOWER && scaled > TOLERANCE)) {
                return false;
            }
        }
        for (int r = 0; r < p.a().length; r++) {
            if (Math.abs(Matrices.dot(p.a()[r], x) - p.b()[r]) > 1e-7 * Math.max(1, Math.abs(p.b()[r]))) {
                return false;
            }
        }
        return true;
    }

    /** The general path: ojAlgo's convex solver with the finite bounds as inequality rows. */
    static double[] ojAlgo(QuadraticProgram p) {
        int n = p.size();
        var builder = ConvexSolver.newBuilder();
        var q = R064Store.FACTORY.make(n, n);
        var c = R064Store.FACTORY.make(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q.set(i, j, p.q()[i][j]);
            }
            c.set(i, 0, p.c()[i]);
        }
        builder.objective(q, c);
        int m = p.a().length;
        if (m > 0) {
            var ae = R064Store.FACTORY.make(m, n);
            var be = R064Store.FACTORY.make(m, 1);
            for (int r = 0; r < m; r++) {
                for (int i = 0; i < n; i++) {
                    ae.set(r, i, p.a()[r][i]);
                }
                be.set(r, 0, p.b()[r]);
            }
            builder.equalities(ae, be);
        }
        int rows = p.g().length;
        for (int i = 0; i < n; i++) {
            rows += (Double.isFinite(p.lower()[i]) ? 1 : 0) + (Double.isFinite(p.upper()[i]) ? 1 : 0);
        }
        if (rows > 0) {
            var ai = R064Store.FACTORY.make(rows, n);
            var bi = R064Store.FACTORY.make(rows, 1);
            int r = 0;
            for (int k = 0; k < p.g().length; k++, r++) {
                for (int i = 0; i < n; i++) {
                    ai.set(r, i, p.g()[k][i]);
                }
                bi.set(r, 0, p.h()[k]);
            }
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(p.upper()[i])) {
                    ai.set(r, i, 1.0);
                    bi.set(r++, 0, p.upper()[i]);
                }
                if (Double.isFinite(p.lower()[i])) {
                    ai.set(r, i, -1.0);
                    bi.set(r++, 0, -p.lower()[i]);
                }
            }
            builder.inequalities(ai, bi);
        }
        Optimisation.Result result = builder.build().solve();
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.UNBOUNDED) {
            throw new InfeasibleConstraintsException("the optimization is unbounded: add bounds or a budget");
        }
        if (!state.isFeasible()) {
            throw new InfeasibleConstraintsException("the constraints admit no portfolio (solver state " + state + ")");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = result.doubleValue(i);
        }
        requireFeasible(p, x);
        return x;
    }

    private static void requireFeasible(QuadraticProgram p, double[] x) {
        double tol = 1e-6;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < p.lower()[i] - tol || x[i] > p.upper()[i] + tol) {
                throw new InfeasibleConstraintsException("the constraints admit no portfolio: variable " + i + " = "
                        + x[i] + " outside [" + p.lower()[i] + ", " + p.upper()[i] + "]");
            }
        }
        for (int r = 0; r < p.a().length; r++) {
            if (Math.abs(Matrices.dot(p.a()[r], x) - p.b()[r]) > tol * Math.max(1, Math.abs(p.b()[r]))) {
                throw new InfeasibleConstraintsException("the constraints admit no portfolio: equality " + r
                        + " cannot be met");
            }
        }
        for (int r = 0; r < p.g().length; r++) {
            if (Matrices.dot(p.g()[r], x) > p.h()[r] + tol * Math.max(1, Math.abs(p.h()[r]))) {
                throw new InfeasibleConstraintsException("the constraints admit no portfolio: inequality " + r
                        + " cannot be met");
            }
        }
    }
}
