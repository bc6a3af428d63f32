package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Close-to-close volatility: SAMPLE standard deviation (divide by {@code period - 1}, mean subtracted) of the
 * last {@code period} one-bar log returns, times {@code sqrt(periodsPerYear)}. Output
 * {@code vol_close_<period>}, an annualized fraction (0.25 = 25 %). Warm-up: {@code period + 1} bars (the
 * returns need one extra close). TTR's {@code volatility(calc = "close", n)} uses {@code n - 1} returns, so
 * it equals this with {@code period = n - 1}. Mutable, not thread-safe.
 */
public final class CloseToCloseVolatility extends BaseIndicator {

    private final double periodsPerYear;
    private final RollingWindow returns;
    private double previousClose = Double.NaN;

    public CloseToCloseVolatility(int period, double periodsPerYear) {
        super(requirePeriod("period", period, 2) + 1, "vol_close_" + period);
        this.periodsPerYear = requirePositive("periods_per_year", periodsPerYear);
        this.returns = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars > 1) {
            returns.add(Math.log(close / previousClose));
            if (returns.isFull()) {
                values[0] = Math.sqrt(returns.variance() * periodsPerYear);
            }
        }
        previousClose = close;
    }

    @Override
    void onReset() {
        returns.clear();
        previousClose = Double.NaN;
    }
}
