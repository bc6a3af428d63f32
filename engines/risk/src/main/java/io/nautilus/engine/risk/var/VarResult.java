package io.nautilus.engine.risk.var;

import java.util.Arrays;

/**
 * A value-at-risk and expected-shortfall estimate with its Euler decomposition by position. Losses are positive
 * numbers in the currency of the exposures, over {@code horizonDays} periods. Component VaRs sum to the VaR;
 * {@code marginalVar[i]} is dVaR/d(exposure i), so {@code componentVar[i] = exposure[i] * marginalVar[i]}.
 * Immutable and thread-safe (arrays are copied in and out).
 *
 * @param method            how it was computed
 * @param confidence        confidence level in (0, 1), e.g. 0.99
 * @param horizonDays       horizon in periods, scaled by the square root of time
 * @param var               value at risk, a loss in currency (negative only if the whole tail is a gain)
 * @param expectedShortfall mean loss beyond the VaR, in currency, &gt;= var
 * @param componentVar      contribution of each position to the VaR, in currency
 * @param marginalVar       change of the VaR per unit of exposure of each position
 * @param scenarios         number of scenarios used (periods or simulations; 0 for the closed-form methods)
 */
public record VarResult(VarMethod method, double confidence, int horizonDays, double var, double expectedShortfall,
                        double[] componentVar, double[] marginalVar, int scenarios) {
    public VarResult {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (!Double.isFinite(var) || !Double.isFinite(expectedShortfall)) {
            throw new IllegalArgumentException("var and expected shortfall must be finite, got " + var + ", "
                    + expectedShortfall);
        }
        componentVar = componentVar.clone();
        marginalVar = marginalVar.clone();
    }

    @Override
    public double[] componentVar() {
        return componentVar.clone();
    }

    @Override
    public double[] marginalVar() {
        return marginalVar.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VarResult r && method == r.method && confidence == r.confidence
                && horizonDays == r.horizonDays && var == r.var && expectedShortfall == r.expectedShortfall
                && Arrays.equals(componentVar, r.componentVar) && Arrays.equals(marginalVar, r.marginalVar)
                && scenarios == r.scenarios;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(var) * 31 + Arrays.hashCode(componentVar);
    }

    @Override
    public String toString() {
        return "VarResult[" + method.wireName() + " " + confidence + " " + horizonDays + "d var=" + var + " es="
                + expectedShortfall + "]";
    }
}
