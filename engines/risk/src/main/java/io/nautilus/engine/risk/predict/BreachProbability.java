package io.nautilus.engine.risk.predict;

import io.nautilus.core.quant.NormalDistribution;

/**
 * The probability that tomorrow's loss exceeds a threshold when tomorrow's P&amp;L is normal with mean zero and
 * the forecast standard deviation: {@code P(L > x) = Phi(-x / sigma)}. A threshold at or below zero (no
 * headroom left) has probability 1. Used for the daily-loss limit (x = the limit), the VaR limit (x = the limit)
 * and the drawdown limit (x = the loss that would take the drawdown to the limit). Stateless and thread-safe.
 */
public final class BreachProbability {
    private BreachProbability() {
    }

    /**
     * @param threshold loss threshold in currency
     * @param sigma     forecast standard deviation of tomorrow's P&amp;L in currency, &gt;= 0
     */
    public static double exceedance(double threshold, double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma) || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("sigma must be a finite number >= 0 and threshold a number, got "
                    + sigma + ", " + threshold);
        }
        if (threshold <= 0) {
            return 1.0;
        }
        return sigma == 0 ? 0.0 : NormalDistribution.standardCdf(-threshold / sigma);
    }

    /**
     * The loss that takes the drawdown to {@code limitFraction}: {@code limit x peak - (peak - equity)}.
     *
     * @param limitFraction drawdown limit as a fraction of peak equity
     * @param peakEquity    peak equity, &gt; 0
     * @param equity        current equity
     */
    public static double drawdownHeadroom(double limitFraction, double peakEquity, double equity) {
        return limitFraction * peakEquity - (peakEquity - equity);
    }
}
