package io.nautilus.core.quant;

/**
 * Dense linear algebra on row-major {@code double[row][column]} arrays: products, transpose, matrix-vector,
 * quadratic form, and SPD solve/inverse through {@link Cholesky}.
 *
 * <p>Inputs must be non-empty and rectangular (rejected with {@link IllegalArgumentException} otherwise); they
 * are never modified and results are always new arrays. The product kernels ({@link #multiplyByTranspose},
 * {@link #gram}) work on rows only, in register blocks of 2 x 4 dot products with 8 independent accumulators
 * and in tiles of {@value #TILE} columns, so both operands stream from cache; {@link #multiply(double[][],
 * double[][])} transposes its right operand once and reuses them. Plain {@code a*b + c} arithmetic (no fused
 * multiply-add); summation order differs from the naive triple loop, so results agree with it to rounding
 * (about 1e-15 relative). Stateless and thread-safe.
 */
public final class Matrices {

    /** Column tile of the product kernels: 2 KB per row, so a tile of 500 rows fits in L2. */
    static final int TILE = 256;

    private Matrices() {
    }

    /**
     * Matrix product A·B.
     *
     * @param a n x k
     * @param b k x m
     * @return n x m
     */
    public static double[][] multiply(double[][] a, double[][] b) {
        int k = columns(a, "a");
        int bRows = rows(b, "b");
        columns(b, "b");
        if (k != bRows) {
            throw new IllegalArgumentException("a has " + k + " columns but b has " + bRows + " rows");
        }
        return multiplyByTranspose(a, transpose(b));
    }

    /**
     * A·Bᵀ: element (i, j) is the dot product of row i of a and row j of b. The cache-friendly product when
     * both operands are stored with the summation index along rows (e.g. {@code [asset][period]}).
     *
     * @param a n x k
     * @param b m x k
     * @return n x m
     */
    public static double[][] multiplyByTranspose(double[][] a, double[][] b) {
        int k = columns(a, "a");
        int kb = columns(b, "b");
        if (k != kb) {
            throw new IllegalArgumentException("a has " + k + " columns but b has " + kb + " columns");
        }
        double[][] c = new double[a.length][b.length];
        for (int from = 0; from < k; from += TILE) {
            int to = Math.min(k, from + TILE);
            accumulateDots(a, b, c, from, to, false);
        }
        return c;
    }

    /**
     * Gram matrix A·Aᵀ of the rows of a (symmetric; only the upper triangle is computed, then mirrored). With
     * a in {@code [asset][period]} layout and centred rows this is (n-1) times the sample covariance.
     *
     * @param a n x k
     * @return n x n, exactly symmetric
     */
    public static double[][] gram(double[][] a) {
        int k = columns(a, "a");
        int n = a.length;
        double[][] c = new double[n][n];
        for (int from = 0; from < k; from += TILE) {
            int to = Math.min(k, from + TILE);
            accumulateDots(a, a, c, from, to, true);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** c[i][j] += a[i][from:to]·b[j][from:to]; upper triangle (j &gt;= i, by blocks) only when symmetric. */
    private static void accumulateDots(double[][] a, double[][] b, double[][] c, int from, int to, boolean symmetric) {
        int n = a.length;
        int m = b.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            int j = symmetric ? i : 0;
            for (; j + 3 < m; j += 4) {
                double[] b0 = b[j];
                double[] b1 = b[j + 1];
                double[] b2 = b[j + 2];
                double[] b3 = b[j + 3];
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                for (int t = from; t < to; t++) {
                    double x0 = a0[t];
                    double x1 = a1[t];
                    double y0 = b0[t];
                    double y1 = b1[t];
                    double y2 = b2[t];
                    double y3 = b3[t];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s02 += x0 * y2;
                    s03 += x0 * y3;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s12 += x1 * y2;
                    s13 += x1 * y3;
                }
                double[] c0 = c[i];
                double[] c1 = c[i + 1];
                c0[j] += s00;
                c0[j + 1] += s01;
                c0[j + 2] += s02;
                c0[j + 3] += s03;
                c1[j] += s10;
                c1[j + 1] += s11;
                c1[j + 2] += s12;
                c1[j + 3] += s13;
            }
            for (; j < m; j++) {
                c[i][j] += dot(a0, b[j], from, to);
                c[i + 1][j] += dot(a1, b[j], from, to);
            }
        }
        for (; i < n; i++) {
            for (int j = symmetric ? i : 0; j < m; j++) {
                c[i][j] += dot(a[i], b[j], from, to);
            }
        }
    }

    /**
     * Transpose.
     *
     * @param a n x m
     * @return m x n
     */
    public static double[][] transpose(double[][] a) {
        int m = columns(a, "a");
        int n = a.length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            double[] row = a[i];
            for (int j = 0; j < m; j++) {
                t[j][i] = row[j];
            }
        }
        return t;
    }

    /**
     * Matrix-vector product A·x.
     *
     * @param a n x k
     * @param x length k
     * @return length n
     */
    public static double[] multiply(double[][] a, double[] x) {
        int k = columns(a, "a");
        requireLength(x, k, "x");
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = dot(a[i], x, 0, k);
        }
        return y;
    }

    /**
     * Quadratic form xᵀ·A·x, e.g. the portfolio variance wᵀΣw of weights w and covariance Σ.
     *
     * @param a n x n
     * @param x length n
     * @return the scalar xᵀAx
     */
    public static double quadraticForm(double[][] a, double[] x) {
        int n = requireSquare(a, "a");
        requireLength(x, n, "x");
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += x[i] * dot(a[i], x, 0, n);
        }
        return sum;
    }

    /**
     * Dot product.
     *
     * @param x length n
     * @param y length n
     * @return Σ x_i y_i
     */
    public static double dot(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has length " + x.length + " but y has length " + y.length);
        }
        return dot(x, y, 0, x.length);
    }

    /** Dot product over [from, to) with four accumulators (breaks the add latency chain). */
    static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int t = from;
        for (; t + 3 < to; t += 4) {
            s0 += x[t] * y[t];
            s1 += x[t + 1] * y[t + 1];
            s2 += x[t + 2] * y[t + 2];
            s3 += x[t + 3] * y[t + 3];
        }
        for (; t < to; t++) {
            s0 += x[t] * y[t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * @param n size, &gt; 0
     * @return the n x n identity
     */
    public static double[][] identity(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be > 0, was " + n);
        }
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1.0;
        }
        return id;
    }

    /**
     * Deep copy.
     *
     * @param a rectangular matrix
     * @return a new array with the same values
     */
    public static double[][] copy(double[][] a) {
        columns(a, "a");
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * Solves A·x = b for symmetric positive-definite A (via {@link Cholesky}).
     *
     * @throws NotPositiveDefiniteException if A is not numerically positive definite
     */
    public static double[] solveSpd(double[][] a, double[] b) {
        return Cholesky.decompose(a).solve(b);
    }

    /**
     * Inverse of a symmetric positive-definite matrix (via {@link Cholesky}); exactly symmetric.
     *
     * @throws NotPositiveDefiniteException if A is not numerically positive definite
     */
    public static double[][] inverseSpd(double[][] a) {
        return Cholesky.decompose(a).inverse();
    }

    /**
     * Checks that a is non-empty and rectangular.
     *
     * @param a    matrix
     * @param name argument name for the message
     * @return the number of columns
     */
    public static int columns(double[][] a, String name) {
        int n = rows(a, name);
        if (a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException(name + " must have at least one column");
        }
        int m = a[0].length;
        for (int i = 1; i < n; i++) {
            if (a[i] == null || a[i].length != m) {
                throw new IllegalArgumentException(name + " must be rectangular: row 0 has " + m
                    + " columns but row " + i + " has " + (a[i] == null ? "none" : a[i].length));
            }
        }
        return m;
    }

    /**
     * Checks that a is non-empty, rectangular and square.
     *
     * @return the size n
     */
    public static int requireSquare(double[][] a, String name) {
        int m = columns(a, name);
        if (m != a.length) {
            throw new IllegalArgumentException(name + " must be square, was " + a.length + " x " + m);
        }
        return m;
    }

    /** Checks that every entry of a (already known rectangular) is finite. */
    public static void requireFinite(double[][] a, String name) {
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite, was " + row[j]);
                }
            }
        }
    }

    private static int rows(double[][] a, String name) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one row");
        }
        return a.length;
    }

    private static void requireLength(double[] x, int n, String name) {
        if (x == null || x.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", was "
                + (x == null ? "null" : x.length));
        }
    }
}
