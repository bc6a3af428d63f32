package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Linearly weighted moving average of the close: weights {@code 1..period}, the newest close weighted
 * {@code period}, divided by {@code period (period + 1) / 2}. Output {@code wma_<period>}, in price units.
 * Warm-up: {@code period} bars. Follows TA-Lib {@code WMA} and ta4j {@code WMAIndicator}.
 *
 * <p>O(1) per bar: the weighted sum is updated as {@code N' = N + period * x - S} where {@code S} is the
 * plain sum of the previous window; both sums are recomputed exactly from the buffer at every window wrap so
 * rounding drift stays bounded. Mutable, not thread-safe.
 */
public final class Wma extends BaseIndicator {

    private final int period;
    private final double divisor;
    private final RollingWindow window;
    private double weightedSum;

    public Wma(int period) {
        super(requirePeriod("period", period, 1), "wma_" + period);
        this.period = period;
        this.divisor = period * (period + 1) / 2.0;
        this.window = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (window.isFull()) {
            weightedSum += period * close - window.sum();
            window.add(close);
            if (bars % period == 0) {
                weightedSum = 0;
                for (int ago = 0; ago < period; ago++) {
                    weightedSum += (period - ago) * window.ago(ago);
                }
            }
        } else {
            window.add(close);
            weightedSum += window.size() * close;
        }
        if (window.isFull()) {
            values[0] = weightedSum / divisor;
        }
    }

    @Override
    void onReset() {
        window.clear();
        weightedSum = 0;
    }
}
