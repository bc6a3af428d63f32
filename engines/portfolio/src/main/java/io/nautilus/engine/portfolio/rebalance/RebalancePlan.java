package io.nautilus.engine.portfolio.rebalance;

import java.util.List;

/**
 * The trades that move a portfolio to target weights. Immutable and thread-safe.
 *
 * @param trades        trades, sells first (they fund the buys), then by symbol
 * @param turnover      Σ trade notional / portfolio value (fraction; 0.1 = 10 % of the portfolio traded)
 * @param estimatedCost Σ estimated costs, currency
 * @param maxDrift      max_i |current weight − target weight| before trading
 */
public record RebalancePlan(List<RebalanceTrade> trades, double turnover, double estimatedCost, double maxDrift) {
    public RebalancePlan {
        trades = List.copyOf(trades);
    }
}
