package io.nautilus.engine.risk.limit;

import io.nautilus.core.quant.Matrices;
import io.nautilus.core.quant.covariance.CovarianceEstimator;
import io.nautilus.core.quant.covariance.Covariances;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The covariance of daily returns of a set of symbols, the input of the delta-normal limit measures (VaR, ES,
 * volatility, correlation). Covariance is per day (not annualized), in squared return fractions; the correlation
 * of a zero-variance symbol with any other is taken as 0. Immutable and thread-safe (arrays are never exposed).
 */
public final class RiskModel {
    public static final RiskModel EMPTY = new RiskModel(List.of(), new double[0][0]);

    private final List<String> symbols;
    private final Map<String, Integer> rows;
    private final double[][] covariance;
    private final double[][] correlation;
    private final double[] volatility;

    /**
     * @param symbols    distinct symbols, one per row
     * @param covariance per-day covariance, square, symmetric, finite, one row per symbol (copied)
     */
    public RiskModel(List<String> symbols, double[][] covariance) {
        this.symbols = List.copyOf(symbols);
        int n = this.symbols.size();
        if (n > 0) {
            if (Matrices.requireSquare(covariance, "covariance") != n) {
                throw new IllegalArgumentException("covariance must be " + n + " x " + n + ", one row per symbol");
            }
            Matrices.requireFinite(covariance, "covariance");
        }
        this.covariance = n == 0 ? new double[0][0] : Matrices.copy(covariance);
        this.rows = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (rows.put(this.symbols.get(i), i) != null) {
                throw new IllegalArgumentException("symbols must be distinct, '" + this.symbols.get(i) + "' repeats");
            }
        }
        this.volatility = n == 0 ? new double[0] : Covariances.volatilities(this.covariance);
        this.correlation = n == 0 ? new double[0][0] : Covariances.correlationOrZero(this.covariance);
    }

    /** A model estimated from a returns panel {@code [period][symbol]} with the given estimator. */
    public static RiskModel estimate(List<String> symbols, double[][] returns, CovarianceEstimator estimator) {
        return new RiskModel(symbols, estimator.estimate(returns));
    }

    public List<String> symbols() {
        return symbols;
    }

    public int size() {
        return symbols.size();
    }

    /** The row of a symbol, or -1 when the model does not cover it. */
    public int row(String symbol) {
        Integer r = rows.get(symbol);
        return r == null ? -1 : r;
    }

    /** Per-day volatility of a row. */
    public double volatility(int row) {
        return volatility[row];
    }

    /** Covariance entry (read access for the book's incremental updates). */
    double covariance(int i, int j) {
        return covariance[i][j];
    }

    double[] covarianceRow(int i) {
        return covariance[i];
    }

    double[] correlationRow(int i) {
        return correlation[i];
    }
}
