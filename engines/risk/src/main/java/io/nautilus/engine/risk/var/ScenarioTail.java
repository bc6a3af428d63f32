package io.nautilus.engine.risk.var;

import io.nautilus.core.quant.stats.QuantileDefinition;
import io.nautilus.core.quant.stats.Quantiles;

/**
 * The loss tail of a set of P&amp;L scenarios: VaR as the type-1 empirical quantile, ES as the mean of the
 * {@code k = max(1, ceil(n (1 - c)))} worst scenarios ({@link Quantiles#lowerTailMean}), and the index of the
 * scenario at the VaR, from which the Euler decomposition of a simulated VaR is read (the VaR is the P&amp;L of
 * that one scenario, so the positions' P&amp;L in it add up to the VaR exactly). Immutable.
 *
 * @param var           minus the k-th smallest P&amp;L
 * @param es            minus the mean of the k smallest P&amp;Ls
 * @param scenarioIndex index (in the unsorted input) of the scenario at the VaR; the first one on ties
 */
record ScenarioTail(double var, double es, int scenarioIndex) {

    /**
     * The tail probability {@code 1 - confidence}, rounded to 12 decimals so that {@code 1 - 0.99} is 0.01 and
     * {@code n p} is not pushed over an integer by the binary representation (1000 x (1 - 0.99) would otherwise
     * be 10.000000000000009 and select the 11th worst scenario).
     */
    static double tailProbability(double confidence) {
        return Math.rint((1.0 - confidence) * 1e12) / 1e12;
    }

    static ScenarioTail of(double[] pnl, double confidence) {
        double p = tailProbability(confidence);
        double[] sorted = Quantiles.sortedCopy(pnl);
        double q = QuantileDefinition.TYPE_1_LOWER_EMPIRICAL.ofSorted(sorted, p);
        double tailMean = Quantiles.lowerTailMean(sorted, p);
        int index = 0;
        while (pnl[index] != q) {
            index++;
        }
        return new ScenarioTail(-q, -tailMean, index);
    }
}
