package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Simple moving average of the close over {@code period} bars. Output {@code sma_<period>}, in price units.
 * Warm-up: {@code period} bars. Follows TA-Lib {@code SMA} and ta4j {@code SMAIndicator} once the window is
 * full. Rolling sum with exact recompute at every window wrap. Mutable, not thread-safe.
 */
public final class Sma extends BaseIndicator {

    private final RollingWindow window;

    public Sma(int period) {
        super(requirePeriod("period", period, 1), "sma_" + period);
        this.window = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        window.add(close);
        if (window.isFull()) {
            values[0] = window.mean();
        }
    }

    @Override
    void onReset() {
        window.clear();
    }
}
