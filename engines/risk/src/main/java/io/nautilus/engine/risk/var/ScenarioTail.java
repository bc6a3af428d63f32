package io.nautilus.engine.risk.var;

import io.nautilus.core.quant.stats.HistoricalTail;

/**
 * The loss tail of a set of P&amp;L scenarios ({@link HistoricalTail}: VaR as the type-1 empirical quantile, ES as
 * the mean of the {@code k = max(1, ceil(n (1 - c)))} worst scenarios), and the index of the
 * scenario at the VaR, from which the Euler decomposition of a simulated VaR is read (the VaR is the P&amp;L of
 * that one scenario, so the positions' P&amp;L in it add up to the VaR exactly). Immutable.
 *
 * @param var           minus the k-th smallest P&amp;L
 * @param es            minus the mean of the k smallest P&amp;Ls
 * @param scenarioIndex index (in the unsorted input) of the scenario at the VaR; the first one on ties
 */
record ScenarioTail(double var, double es, int scenarioIndex) {

    static ScenarioTail of(double[] pnl, double confidence) {
        HistoricalTail tail = HistoricalTail.of(pnl, confidence);
        int index = 0;
        while (pnl[index] != tail.quantile()) {
            index++;
        }
        return new ScenarioTail(tail.valueAtRisk(), tail.expectedShortfall(), index);
    }
}
