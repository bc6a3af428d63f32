package io.nautilus.engine.risk.backtest;

import io.nautilus.core.quant.SpecialFunctions;

/**
 * The Basel Committee's traffic-light zones for VaR backtests ("Supervisory framework for the use of backtesting
 * in conjunction with the internal models approach", 1996): with X ~ Binomial(T, p) the number of exceptions of a
 * correct model, a result of x exceptions is GREEN while P(X &lt;= x) &lt; 95%, YELLOW while it is &lt; 99.99% and
 * RED beyond. For T = 250 and p = 0.01 this gives the published table: 0-4 green, 5-9 yellow, 10 or more red.
 * The binomial CDF is the regularized incomplete beta {@code I_(1-p)(T-x, x+1)}. Stateless and thread-safe.
 */
public final class TrafficLight {
    /** Cumulative probability at which the yellow zone starts. */
    public static final double YELLOW_FROM = 0.95;
    /** Cumulative probability at which the red zone starts. */
    public static final double RED_FROM = 0.9999;

    private TrafficLight() {
    }

    /** The three zones. */
    public enum Zone { GREEN, YELLOW, RED }

    /**
     * A classification. Immutable.
     *
     * @param zone                  the zone
     * @param cumulativeProbability P(X &lt;= x) for a correct model
     */
    public record Result(Zone zone, double cumulativeProbability) {
    }

    /**
     * @param observations T &gt;= 1
     * @param exceptions   x in [0, T]
     * @param expectedRate p in (0, 1)
     */
    public static Result classify(int observations, int exceptions, double expectedRate) {
        if (observations < 1) {
            throw new IllegalArgumentException("observations must be >= 1, got " + observations);
        }
        if (exceptions < 0 || exceptions > observations) {
            throw new IllegalArgumentException("exceptions must be in [0, " + observations + "], got " + exceptions);
        }
        KupiecTest.checkRate(expectedRate);
        double cdf = binomialCdf(observations, exceptions, expectedRate);
        Zone zone = cdf < YELLOW_FROM ? Zone.GREEN : cdf < RED_FROM ? Zone.YELLOW : Zone.RED;
        return new Result(zone, cdf);
    }

    /** P(X &lt;= x) for X ~ Binomial(n, p). */
    static double binomialCdf(int n, int x, double p) {
        if (x >= n) {
            return 1.0;
        }
        return SpecialFunctions.regularizedBeta(1.0 - p, n - x, x + 1.0);
    }
}
