package io.nautilus.engine.risk.var;

/**
 * One way to compute value at risk of a linear portfolio from a panel of asset returns.
 *
 * <p>Contract: {@code returns[period][asset]} are per-period simple returns (fractions), oldest first;
 * {@code exposures[asset]} are signed market values in currency (negative = short), so the P&amp;L of period t
 * is {@code sum_i exposures[i] * returns[t][i]}. Losses are reported as positive numbers. The one-period figures
 * are scaled to {@code horizonDays} by the square root of time. Inputs are validated and never modified.
 * Implementations are immutable and thread-safe.
 */
public interface VarModel {

    /**
     * @param returns     per-period returns, {@code [period][asset]}, rectangular and finite
     * @param exposures   signed market value per asset, finite, same length as a returns row
     * @param confidence  in (0.5, 1), e.g. 0.95 or 0.99
     * @param horizonDays horizon in periods, in [1, 250]
     * @return the estimate
     * @throws IllegalArgumentException on bad input or too few periods for the method
     */
    VarResult compute(double[][] returns, double[] exposures, double confidence, int horizonDays);
}
