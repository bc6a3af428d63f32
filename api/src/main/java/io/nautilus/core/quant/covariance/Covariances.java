package io.nautilus.core.quant.covariance;

import io.nautilus.core.quant.Matrices;

/**
 * Helpers around covariance matrices: correlation, volatilities, annualization, and the validated
 * asset-major view of a return panel that the estimators share. Stateless and thread-safe.
 */
public final class Covariances {

    /** Trading days per year, the usual annualization factor for daily data. */
    public static final int TRADING_DAYS_PER_YEAR = 252;

    private Covariances() {
    }

    /**
     * Correlation matrix C_ij = Σ_ij / sqrt(Σ_ii Σ_jj), with an exact unit diagonal.
     *
     * @param covariance square, finite, symmetric, positive diagonal
     * @return the correlation matrix
     */
    public static double[][] correlation(double[][] covariance) {
        double[] vol = volatilities(covariance);
        for (int i = 0; i < vol.length; i++) {
            if (!(vol[i] > 0.0)) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i
                    + "] must be > 0 to define a correlation, was " + covariance[i][i]);
            }
        }
        return correlation(covariance, vol);
    }

    /**
     * Correlation matrix as {@link #correlation(double[][])}, except that an asset of zero variance (a series that
     * did not move over the window) has correlation 0 with every other asset instead of failing; its diagonal
     * entry stays 1. For risk models that must cover every held symbol.
     *
     * @param covariance square, finite, symmetric, non-negative diagonal
     * @return the correlation matrix
     */
    public static double[][] correlationOrZero(double[][] covariance) {
        return correlation(covariance, volatilities(covariance));
    }

    private static double[][] correlation(double[][] covariance, double[] vol) {
        int n = vol.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = vol[i] * vol[j];
                c[i][j] = i == j ? 1.0 : d > 0.0 ? covariance[i][j] / d : 0.0;
            }
        }
        return c;
    }

    /**
     * Volatilities sqrt(Σ_ii), in the covariance's units (per period unless annualized).
     *
     * @param covariance square, finite, non-negative diagonal
     * @return one volatility per asset
     */
    public static double[] volatilities(double[][] covariance) {
        int n = Matrices.requireSquare(covariance, "covariance");
        Matrices.requireFinite(covariance, "covariance");
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            if (covariance[i][i] < 0.0) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] must be >= 0, was "
                    + covariance[i][i]);
            }
            vol[i] = Math.sqrt(covariance[i][i]);
        }
        return vol;
    }

    /**
     * Annualizes a per-period covariance under the i.i.d. square-root-of-time rule: Σ_annual = periodsPerYear·Σ
     * (volatilities scale by sqrt(periodsPerYear)). E.g. {@link #TRADING_DAYS_PER_YEAR} for daily returns.
     *
     * @param covariance     per-period covariance, square and finite
     * @param periodsPerYear periods per year, finite and &gt; 0
     * @return the annualized covariance
     */
    public static double[][] annualize(double[][] covariance, double periodsPerYear) {
        int n = Matrices.requireSquare(covariance, "covariance");
        Matrices.requireFinite(covariance, "covariance");
        if (!(periodsPerYear > 0.0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be finite and > 0, was " + periodsPerYear);
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = covariance[i][j] * periodsPerYear;
            }
        }
        return a;
    }

    /**
     * Validates a return panel and returns it transposed to {@code [asset][period]}, optionally with each
     * asset's sample mean removed. This layout makes every covariance a row-by-row dot product.
     *
     * @param returns    {@code returns[period][asset]}
     * @param minPeriods minimum number of periods the caller needs
     * @param center     whether to subtract each asset's mean
     * @return a new {@code [asset][period]} array
     */
    static double[][] assetMajor(double[][] returns, int minPeriods, boolean center) {
        Matrices.columns(returns, "returns");
        if (returns.length < minPeriods) {
            throw new IllegalArgumentException("returns must have at least " + minPeriods + " periods, had "
                + returns.length);
        }
        Matrices.requireFinite(returns, "returns");
        double[][] x = Matrices.transpose(returns);
        if (center) {
            int periods = returns.length;
            for (double[] row : x) {
                double sum = 0.0;
                for (int t = 0; t < periods; t++) {
                    sum += row[t];
                }
                double mean = sum / periods;
                for (int t = 0; t < periods; t++) {
                    row[t] -= mean;
                }
            }
        }
        return x;
    }

    /** Multiplies every entry of a square matrix in place and returns it. */
    static double[][] scaleInPlace(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
        return a;
    }
}
