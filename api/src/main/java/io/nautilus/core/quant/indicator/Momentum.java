package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Momentum {@code close - close[period]}. Output {@code mom_<period>}, in price units. Warm-up:
 * {@code period + 1} bars. Follows TA-Lib {@code MOM}. Mutable, not thread-safe.
 */
public final class Momentum extends BaseIndicator {

    private final RollingWindow closes;

    public Momentum(int period) {
        super(requirePeriod("period", period, 1) + 1, "mom_" + period);
        this.closes = new RollingWindow(period + 1);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        closes.add(close);
        if (closes.isFull()) {
            values[0] = close - closes.ago(closes.capacity() - 1);
        }
    }

    @Override
    void onReset() {
        closes.clear();
    }
}
