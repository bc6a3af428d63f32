package io.nautilus.core.quant.indicator;

/**
 * On-balance volume (Granville): starts at the first bar's volume (TA-Lib convention), then adds the volume
 * on an up close, subtracts it on a down close and leaves it on an unchanged close. Output {@code obv}, in
 * volume units. Warm-up: 1 bar. Follows TA-Lib {@code OBV}; ta4j {@code OnBalanceVolumeIndicator} starts
 * at 0, so it differs by the constant first volume. Mutable, not thread-safe.
 */
public final class Obv extends BaseIndicator {

    private double previousClose = Double.NaN;

    public Obv() {
        super(1, "obv");
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars == 1) {
            values[0] = volume;
        } else if (close > previousClose) {
            values[0] += volume;
        } else if (close < previousClose) {
            values[0] -= volume;
        }
        previousClose = close;
    }

    @Override
    void onReset() {
        previousClose = Double.NaN;
    }
}
