package io.nautilus.core.quant.indicator;

/**
 * Average true range (Wilder). True range {@code max(high, prevClose) - min(low, prevClose)} exists from the
 * second bar on (TA-Lib convention: the first bar has no previous close and contributes no true range); the
 * average is Wilder smoothing ({@code alpha = 1/period}) seeded with the simple mean of the first
 * {@code period} true ranges. Output {@code atr_<period>}, in price units. Warm-up: {@code period + 1} bars.
 * Follows TA-Lib {@code ATR}; ta4j {@code ATRIndicator} counts {@code high - low} of the first bar and seeds
 * with it, so it agrees after convergence. Mutable, not thread-safe.
 */
public final class Atr extends BaseIndicator {

    private final ExponentialAverage average;
    private double previousClose = Double.NaN;

    public Atr(int period) {
        super(requirePeriod("period", period, 1) + 1, "atr_" + period);
        this.average = ExponentialAverage.wilder(period);
    }

    static double trueRange(double high, double low, double previousClose) {
        return Math.max(high, previousClose) - Math.min(low, previousClose);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars > 1) {
            values[0] = average.update(trueRange(high, low, previousClose));
        }
        previousClose = close;
    }

    @Override
    void onReset() {
        average.reset();
        previousClose = Double.NaN;
    }
}
