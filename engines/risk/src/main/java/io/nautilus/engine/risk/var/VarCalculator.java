package io.nautilus.engine.risk.var;

import io.nautilus.core.quant.covariance.SampleCovariance;
import io.nautilus.core.quant.volatility.EwmaVolatility;

/**
 * Picks the {@link VarModel} of a {@link VarMethod} under one set of settings (EWMA decay, Monte Carlo
 * simulations and seed): the one code path of the stateless {@code POST /risk/var} route, the reports and the
 * benchmarks. Immutable and thread-safe.
 */
public final class VarCalculator {
    public static final VarCalculator DEFAULT = new VarCalculator(EwmaVolatility.RISKMETRICS_DAILY_LAMBDA,
            MonteCarloVar.DEFAULT_SIMULATIONS, MonteCarloVar.DEFAULT_SEED);

    private final ParametricVar ewma;
    private final MonteCarloVar monteCarlo;
    private final FilteredHistoricalVar filtered;

    /**
     * @param lambda      EWMA decay for the EWMA and filtered-historical methods, in (0, 1)
     * @param simulations Monte Carlo simulations
     * @param seed        Monte Carlo seed
     */
    public VarCalculator(double lambda, int simulations, long seed) {
        this.ewma = ParametricVar.ewma(lambda);
        this.monteCarlo = new MonteCarloVar(simulations, seed, SampleCovariance.DEFAULT);
        this.filtered = new FilteredHistoricalVar(new EwmaVolatility(lambda));
    }

    /** The model of a method. */
    public VarModel model(VarMethod method) {
        return switch (method) {
            case HISTORICAL -> HistoricalVar.DEFAULT;
            case PARAMETRIC -> ParametricVar.DEFAULT;
            case EWMA -> ewma;
            case MONTE_CARLO -> monteCarlo;
            case FILTERED_HISTORICAL -> filtered;
        };
    }

    /** Computes VaR and ES by {@code method}; see {@link VarModel#compute}. */
    public VarResult compute(VarMethod method, double[][] returns, double[] exposures, double confidence,
                             int horizonDays) {
        return model(method).compute(returns, exposures, confidence, horizonDays);
    }
}
