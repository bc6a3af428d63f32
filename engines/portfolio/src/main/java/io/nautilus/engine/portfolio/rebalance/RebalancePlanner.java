package io.nautilus.engine.portfolio.rebalance;

import io.nautilus.core.model.Side;
import io.nautilus.engine.portfolio.execution.PaperFillModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sizes the trades from current holdings to target weights. For every symbol held or targeted: desired units =
 * target weight × portfolio value / price; the trade is desired − held, truncated towards zero to whole units
 * (so buys never spend more than the target, sells never go below it) except that a target of 0 closes the holding
 * exactly; trades under the minimum notional are dropped. Costs are estimated with {@link PaperFillModel}:
 * slippage bps × notional + commission. Immutable and thread-safe.
 *
 * @param fillModel   cost model
 * @param minNotional smallest trade worth sending, currency &gt;= 0
 * @param wholeUnits  true to trade whole units only
 */
public record RebalancePlanner(PaperFillModel fillModel, double minNotional, boolean wholeUnits) {
    public RebalancePlanner {
        if (fillModel == null) {
            throw new IllegalArgumentException("fill model is required");
        }
        if (!(Double.isFinite(minNotional) && minNotional >= 0)) {
            throw new IllegalArgumentException("min_notional must be a finite number >= 0, got " + minNotional);
        }
    }

    /**
     * @param portfolioValue total value (cash + positions) &gt; 0
     * @param holdings       signed units held per symbol
     * @param prices         mark price per symbol (every held or targeted symbol needs one &gt; 0)
     * @param targets        target weight per symbol (missing held symbols are sold)
     * @throws IllegalArgumentException naming a symbol without a price or a bad weight
     */
    public RebalancePlan plan(double portfolioValue, Map<String, Double> holdings, Map<String, Double> prices,
                              Map<String, Double> targets) {
        if (!(Double.isFinite(portfolioValue) && portfolioValue > 0)) {
            throw new IllegalArgumentException("portfolio value must be > 0 to rebalance, got " + portfolioValue);
        }
        var symbols = new TreeSet<String>(targets.keySet());
        holdings.forEach((s, q) -> {
            if (Math.abs(q) > 1e-9) {
                symbols.add(s);
            }
        });
        var trades = new ArrayList<RebalanceTrade>();
        double traded = 0;
        double cost = 0;
        double maxDrift = 0;
        for (String symbol : symbols) {
            double target = targets.getOrDefault(symbol, 0.0);
            if (!Double.isFinite(target)) {
                throw new IllegalArgumentException("target weight of " + symbol + " must be finite, got " + target);
            }
            Double price = prices.get(symbol);
            if (price == null || !(price > 0)) {
                throw new IllegalArgumentException("no market price for " + symbol + ": cannot size its trade");
            }
            double held = holdings.getOrDefault(symbol, 0.0);
            double current = held * price / portfolioValue;
            maxDrift = Math.max(maxDrift, Math.abs(current - target));
            double delta = target == 0 ? -held : target * portfolioValue / price - held;
            if (wholeUnits && target != 0) {
                delta = delta > 0 ? Math.floor(delta + 1e-9) : Math.ceil(delta - 1e-9);
            }
            double quantity = Math.abs(delta);
            double notional = quantity * price;
            if (quantity < 1e-9 || notional < minNotional) {
                continue;
            }
            double estimated = fillModel.slippageBps() / 10_000.0 * notional + fillModel.commission(quantity, price);
            trades.add(new RebalanceTrade(symbol, delta > 0 ? Side.BUY : Side.SELL, quantity, price, notional, current,
                    target, estimated));
            traded += notional;
            cost += estimated;
        }
        trades.sort(Comparator.comparing((RebalanceTrade t) -> t.side() == Side.BUY).thenComparing(RebalanceTrade::symbol));
        return new RebalancePlan(trades, traded / portfolioValue, cost, maxDrift);
    }
}
