package io.nautilus.engine.risk.backtest;

/**
 * Backtest of a series of VaR forecasts against realized P&amp;L: counts exceptions (days whose loss exceeds the
 * VaR forecast made for it) and runs {@link KupiecTest}, {@link ChristoffersenTest} and {@link TrafficLight}.
 * Stateless and thread-safe.
 */
public final class VarBacktest {
    private VarBacktest() {
    }

    /**
     * The combined outcome. Immutable.
     *
     * @param observations   days tested
     * @param exceptions     days with {@code -pnl > var}
     * @param expectedRate   1 - confidence
     * @param kupiec         proportion of failures
     * @param christoffersen independence and conditional coverage
     * @param trafficLight   Basel zone
     */
    public record Result(int observations, int exceptions, double expectedRate, KupiecTest.Result kupiec,
                         ChristoffersenTest.Result christoffersen, TrafficLight.Result trafficLight) {
    }

    /**
     * @param pnl          realized P&amp;L per day (losses negative), finite
     * @param varForecasts the VaR forecast for each day as a positive loss, same length, finite
     * @param expectedRate the VaR's tail probability, e.g. 0.01
     */
    public static Result run(double[] pnl, double[] varForecasts, double expectedRate) {
        if (pnl == null || varForecasts == null || pnl.length != varForecasts.length || pnl.length < 2) {
            throw new IllegalArgumentException("pnl and var_forecasts must have the same length, at least 2");
        }
        boolean[] hits = new boolean[pnl.length];
        int count = 0;
        for (int t = 0; t < pnl.length; t++) {
            if (!Double.isFinite(pnl[t]) || !Double.isFinite(varForecasts[t])) {
                throw new IllegalArgumentException("pnl[" + t + "] and var_forecasts[" + t + "] must be finite");
            }
            hits[t] = -pnl[t] > varForecasts[t];
            if (hits[t]) {
                count++;
            }
        }
        return new Result(pnl.length, count, expectedRate, KupiecTest.test(pnl.length, count, expectedRate),
                ChristoffersenTest.test(hits, expectedRate), TrafficLight.classify(pnl.length, count, expectedRate));
    }
}
