package io.nautilus.engine.risk.var;

/**
 * Historical-simulation VaR: the portfolio P&amp;L is revalued under each observed period's returns, VaR is minus
 * the type-1 empirical quantile of those P&amp;Ls at {@code 1 - confidence} (R {@code quantile(type = 1)}), ES minus
 * the mean of the same {@code ceil(n (1 - c))} worst P&amp;Ls. Component VaR is the Euler allocation read from the
 * scenario at the VaR: {@code component_i = -exposure_i * r_(t*, i)}, marginal {@code -r_(t*, i)}, both scaled to
 * the horizon by sqrt(h). Needs at least {@value #MIN_PERIODS} periods. Cost: one pass over the panel and a sort
 * of the P&amp;Ls. Immutable and thread-safe.
 */
public final class HistoricalVar implements VarModel {
    /** Fewest periods accepted. */
    public static final int MIN_PERIODS = 20;

    public static final HistoricalVar DEFAULT = new HistoricalVar(VarMethod.HISTORICAL);

    private final VarMethod label;

    /** @param label the method reported in the result (filtered historical simulation reuses this class) */
    HistoricalVar(VarMethod label) {
        this.label = label;
    }

    /** P&amp;L of each scenario, {@code returns[t] . exposures} (no validation). */
    public static double[] scenarioPnl(double[][] returns, double[] exposures) {
        return VarInputs.pnl(returns, exposures);
    }

    @Override
    public VarResult compute(double[][] returns, double[] exposures, double confidence, int horizonDays) {
        int n = VarInputs.check(returns, exposures, confidence, horizonDays, MIN_PERIODS);
        ScenarioTail tail = ScenarioTail.of(VarInputs.pnl(returns, exposures), confidence);
        double scale = Math.sqrt(horizonDays);
        double[] worst = returns[tail.scenarioIndex()];
        double[] marginal = new double[n];
        double[] component = new double[n];
        for (int i = 0; i < n; i++) {
            marginal[i] = -worst[i] * scale;
            component[i] = exposures[i] * marginal[i];
        }
        return new VarResult(label, confidence, horizonDays, tail.var() * scale, tail.es() * scale, component,
                marginal, returns.length);
    }
}
