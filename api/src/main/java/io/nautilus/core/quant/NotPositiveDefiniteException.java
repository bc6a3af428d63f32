package io.nautilus.core.quant;

/**
 * Thrown by {@link Cholesky} when a matrix is not (numerically) positive definite: a pivot is not larger than
 * {@link Cholesky#RELATIVE_PIVOT_TOLERANCE} times its diagonal entry. Typical causes: a sample covariance from
 * fewer periods than assets, duplicated or perfectly collinear assets, or a constant return series.
 */
public final class NotPositiveDefiniteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int pivotIndex;
    private final double pivot;

    NotPositiveDefiniteException(int pivotIndex, double pivot, double diagonal) {
        super("matrix is not positive definite: Cholesky pivot " + pivotIndex + " is " + pivot
            + " for diagonal entry " + diagonal + " (must exceed " + Cholesky.RELATIVE_PIVOT_TOLERANCE
            + " x diagonal); if this is a covariance matrix, use more periods than assets, drop collinear assets,"
            + " or shrink it (LedoitWolfCovariance)");
        this.pivotIndex = pivotIndex;
        this.pivot = pivot;
    }

    /** @return zero-based row where the factorization broke down */
    public int pivotIndex() {
        return pivotIndex;
    }

    /** @return the offending pivot value (before the square root) */
    public double pivot() {
        return pivot;
    }
}
