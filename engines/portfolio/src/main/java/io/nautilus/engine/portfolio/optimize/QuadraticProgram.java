package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.quant.Matrices;

/**
 * A convex quadratic program in the form minimise ½·xᵀQx − cᵀx subject to A·x = b, G·x ≤ h and
 * lower ≤ x ≤ upper (infinite bounds allowed). The convention (minus sign on the linear term) is ojAlgo's
 * {@code ConvexSolver}. Q must be symmetric positive semi-definite. Arrays are defensively copied on access by
 * nobody: callers must not mutate them after construction. Immutable by contract and thread-safe.
 *
 * @param q     n x n quadratic term
 * @param c     length n linear term (note the minus sign in the objective)
 * @param a     equality rows, m x n (m may be 0)
 * @param b     equality right-hand side, length m
 * @param g     inequality rows, k x n (k may be 0)
 * @param h     inequality right-hand side, length k
 * @param lower per-variable lower bound, -Infinity allowed
 * @param upper per-variable upper bound, +Infinity allowed
 */
public record QuadraticProgram(double[][] q, double[] c, double[][] a, double[] b, double[][] g, double[] h,
                               double[] lower, double[] upper) {
    public QuadraticProgram {
        int n = Matrices.requireSquare(q, "q");
        Matrices.requireFinite(q, "q");
        requireLength(c, n, "c");
        requireRows(a, b, n, "a", "b");
        requireRows(g, h, n, "g", "h");
        requireLength(lower, n, "lower");
        requireLength(upper, n, "upper");
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(lower[i]) || Double.isNaN(upper[i]) || lower[i] > upper[i]
                    || lower[i] == Double.POSITIVE_INFINITY || upper[i] == Double.NEGATIVE_INFINITY) {
                throw new InfeasibleConstraintsException("bounds of variable " + i + " are empty: [" + lower[i] + ", "
                        + upper[i] + "]");
            }
        }
    }

    /** Number of variables. */
    public int size() {
        return c.length;
    }

    /** True when the only constraints are equalities and bounds (the fast path of {@link QpSolver}). */
    public boolean hasInequalityRows() {
        return g.length > 0;
    }

    /** The objective ½·xᵀQx − cᵀx at x. */
    public double objective(double[] x) {
        return 0.5 * Matrices.quadraticForm(q, x) - Matrices.dot(c, x);
    }

    private static void requireLength(double[] v, int n, String name) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", got "
                    + (v == null ? "null" : v.length));
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be NaN");
            }
        }
    }

    private static void requireRows(double[][] rows, double[] rhs, int n, String rowsName, String rhsName) {
        if (rows == null || rhs == null || rows.length != rhs.length) {
            throw new IllegalArgumentException(rowsName + " and " + rhsName + " must have the same number of rows");
        }
        for (int r = 0; r < rows.length; r++) {
            requireLength(rows[r], n, rowsName + "[" + r + "]");
            if (!Double.isFinite(rhs[r])) {
                throw new IllegalArgumentException(rhsName + "[" + r + "] must be finite, got " + rhs[r]);
            }
        }
    }
}
