package io.nautilus.engine.risk.var;

import io.nautilus.core.quant.volatility.EwmaVolatility;

/**
 * Filtered historical simulation with volatility updating (Hull and White, "Incorporating volatility updating
 * into the historical simulation method for value-at-risk", Journal of Risk 1998): each asset's return is divided
 * by the EWMA volatility forecast made for its period and multiplied by the current forecast,
 * {@code r~_(t,i) = r_(t,i) sigma_(T+1,i) / sigma_(t,i)}, then {@link HistoricalVar} runs on the rescaled panel
 * (same quantile, ES and decomposition). sigma_(t,i) is {@link EwmaVolatility} after periods 0..t-1 (zero mean,
 * lambda 0.94 by default); the first {@value #WARM_UP} periods only warm the filter up and are not scenarios.
 * Needs at least {@value #WARM_UP} + {@value HistoricalVar#MIN_PERIODS} periods; an asset whose volatility is 0
 * during the sample is rejected (its standardized returns are undefined). Immutable and thread-safe.
 */
public final class FilteredHistoricalVar implements VarModel {
    /** Periods used only to start the volatility filter. */
    public static final int WARM_UP = 20;

    public static final FilteredHistoricalVar DEFAULT = new FilteredHistoricalVar(EwmaVolatility.DEFAULT);

    private final EwmaVolatility filter;
    private final HistoricalVar historical = new HistoricalVar(VarMethod.FILTERED_HISTORICAL);

    /** @param filter the volatility filter */
    public FilteredHistoricalVar(EwmaVolatility filter) {
        if (filter == null) {
            throw new IllegalArgumentException("filter must not be null");
        }
        this.filter = filter;
    }

    @Override
    public VarResult compute(double[][] returns, double[] exposures, double confidence, int horizonDays) {
        int n = VarInputs.check(returns, exposures, confidence, horizonDays, WARM_UP + HistoricalVar.MIN_PERIODS);
        return historical.compute(rescale(returns, n), exposures, confidence, horizonDays);
    }

    /** The volatility-rescaled scenarios {@code [period - WARM_UP][asset]}. */
    double[][] rescale(double[][] returns, int n) {
        int periods = returns.length;
        double[][] scaled = new double[periods - WARM_UP][n];
        double[] column = new double[periods];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < periods; t++) {
                column[t] = returns[t][i];
            }
            double[] variance = filter.varianceSeries(column);
            double current = Math.sqrt(variance[periods - 1]);
            for (int t = WARM_UP; t < periods; t++) {
                double sigma = Math.sqrt(variance[t - 1]);
                if (!(sigma > 0)) {
                    throw new IllegalArgumentException("asset " + i + " has zero volatility at period " + t
                            + ": filtered historical simulation needs non-constant returns");
                }
                scaled[t - WARM_UP][i] = returns[t][i] * current / sigma;
            }
        }
        return scaled;
    }
}
