package io.nautilus.core.quant;

/**
 * Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix, with solve, inverse and log
 * determinant.
 *
 * <p>Only the lower triangle of A is read after a symmetry check (relative tolerance
 * {@value #SYMMETRY_TOLERANCE} of the larger diagonal entry). A pivot not above {@value #RELATIVE_PIVOT_TOLERANCE}
 * times its diagonal entry throws {@link NotPositiveDefiniteException}: such matrices are singular to working
 * precision and their inverse would be noise. Row-oriented (Cholesky-Banachiewicz) so every inner product runs
 * over contiguous rows. Matches Apache Commons Math 3.6 {@code CholeskyDecomposition}. Immutable and
 * thread-safe once built.
 */
public final class Cholesky {

    /** Minimum pivot relative to the diagonal entry, i.e. a condition-number ceiling of about 1e12. */
    public static final double RELATIVE_PIVOT_TOLERANCE = 1e-12;
    /** Maximum asymmetry |a_ij - a_ji| relative to max(|a_ii|, |a_jj|). */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private final double[][] lower;

    private Cholesky(double[][] lower) {
        this.lower = lower;
    }

    /**
     * Factorizes a symmetric positive-definite matrix.
     *
     * @param a n x n symmetric positive definite, finite
     * @return the factorization
     * @throws NotPositiveDefiniteException if a is not numerically positive definite
     * @throws IllegalArgumentException     if a is not square, finite and symmetric
     */
    public static Cholesky decompose(double[][] a) {
        int n = Matrices.requireSquare(a, "a");
        Matrices.requireFinite(a, "a");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double scale = Math.max(Math.abs(a[i][i]), Math.abs(a[j][j]));
                if (Math.abs(a[i][j] - a[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException("a must be symmetric: a[" + i + "][" + j + "]=" + a[i][j]
                        + " but a[" + j + "][" + i + "]=" + a[j][i]);
                }
            }
        }
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] li = new double[n];
            l[i] = li;
            for (int j = 0; j < i; j++) {
                double[] lj = l[j];
                li[j] = (a[i][j] - Matrices.dot(li, lj, 0, j)) / lj[j];
            }
            double pivot = a[i][i] - Matrices.dot(li, li, 0, i);
            if (!(pivot > RELATIVE_PIVOT_TOLERANCE * Math.abs(a[i][i]))) {
                throw new NotPositiveDefiniteException(i, pivot, a[i][i]);
            }
            li[i] = Math.sqrt(pivot);
        }
        return new Cholesky(l);
    }

    /** @return n */
    public int size() {
        return lower.length;
    }

    /** @return a copy of the lower-triangular factor L (zeros above the diagonal) */
    public double[][] lower() {
        return Matrices.copy(lower);
    }

    /**
     * Solves A·x = b by forward then back substitution.
     *
     * @param b right-hand side, length n
     * @return x
     */
    public double[] solve(double[] b) {
        int n = lower.length;
        if (b == null || b.length != n) {
            throw new IllegalArgumentException("b must have length " + n + ", was " + (b == null ? "null" : b.length));
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (b[i] - Matrices.dot(lower[i], y, 0, i)) / lower[i][i];
        }
        double[] x = y;
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k][i] * x[k];
            }
            x[i] = s / lower[i][i];
        }
        return x;
    }

    /**
     * A⁻¹ = L⁻ᵀ·L⁻¹, exactly symmetric.
     *
     * @return n x n inverse
     */
    public double[][] inverse() {
        int n = lower.length;
        // Rows of W = L⁻¹ (lower triangular), then A⁻¹ = Wᵀ·W, i.e. (A⁻¹)_ij = Σ_k W_ki W_kj.
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] wi = w[i];
            wi[i] = 1.0 / lower[i][i];
            for (int j = 0; j < i; j++) {
                double s = 0.0;
                for (int k = j; k < i; k++) {
                    s += lower[i][k] * w[k][j];
                }
                wi[j] = -s / lower[i][i];
            }
        }
        return Matrices.gram(Matrices.transpose(w));
    }

    /** @return ln det A = 2 Σ ln L_ii */
    public double logDeterminant() {
        double sum = 0.0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(lower[i][i]);
        }
        return 2.0 * sum;
    }
}
