package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Rate of change {@code 100 (close - close[period]) / close[period]}. Output {@code roc_<period>}, percent.
 * Warm-up: {@code period + 1} bars. Follows TA-Lib {@code ROC} and ta4j {@code ROCIndicator}. Mutable, not
 * thread-safe.
 */
public final class Roc extends BaseIndicator {

    private final RollingWindow closes;

    public Roc(int period) {
        super(requirePeriod("period", period, 1) + 1, "roc_" + period);
        this.closes = new RollingWindow(period + 1);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        closes.add(close);
        if (closes.isFull()) {
            double base = closes.ago(closes.capacity() - 1);
            values[0] = ratioOrNaN(100 * (close - base), base);
        }
    }

    @Override
    void onReset() {
        closes.clear();
    }
}
