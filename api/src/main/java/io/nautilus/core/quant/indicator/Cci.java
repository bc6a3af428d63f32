package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Commodity channel index (Lambert) {@code (TP - SMA(TP)) / (0.015 meanDeviation)} with typical price
 * {@code TP = (high + low + close) / 3} and the mean absolute deviation of TP from its SMA over
 * {@code period} bars. Output {@code cci_<period>}, unitless. Warm-up: {@code period} bars. {@code NaN} at a
 * bar where the mean deviation is zero. Follows TA-Lib {@code CCI} and ta4j {@code CCIIndicator}.
 *
 * <p>Cost: O(period) per bar, because the mean absolute deviation around a moving mean has no O(1) update;
 * for the usual 20 bars that is a 20-step loop over a primitive ring. Mutable, not thread-safe.
 */
public final class Cci extends BaseIndicator {

    private static final double LAMBERT_CONSTANT = 0.015;

    private final RollingWindow typicalPrices;

    public Cci(int period) {
        super(requirePeriod("period", period, 1), "cci_" + period);
        this.typicalPrices = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        double tp = (high + low + close) / 3;
        typicalPrices.add(tp);
        if (!typicalPrices.isFull()) {
            return;
        }
        double mean = typicalPrices.mean();
        double deviation = 0;
        int n = typicalPrices.capacity();
        for (int ago = 0; ago < n; ago++) {
            deviation += Math.abs(typicalPrices.ago(ago) - mean);
        }
        values[0] = ratioOrNaN(tp - mean, LAMBERT_CONSTANT * deviation / n);
    }

    @Override
    void onReset() {
        typicalPrices.clear();
    }
}
