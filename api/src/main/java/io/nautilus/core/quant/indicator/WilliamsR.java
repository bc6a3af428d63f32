package io.nautilus.core.quant.indicator;

/**
 * Williams %R {@code -100 (highest high - close) / (highest high - lowest low)} over {@code period} bars
 * (current bar included). Output {@code willr_<period>}, percent in [-100, 0]. Warm-up: {@code period} bars.
 * {@code NaN} at a bar whose high-low range is zero (TA-Lib prints 0). Follows TA-Lib {@code WILLR} and ta4j
 * {@code WilliamsRIndicator}. Mutable, not thread-safe.
 */
public final class WilliamsR extends BaseIndicator {

    private final RollingRange range;

    public WilliamsR(int period) {
        super(requirePeriod("period", period, 1), "willr_" + period);
        this.range = new RollingRange(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        range.add(high, low);
        if (range.isFull()) {
            double hh = range.highest();
            values[0] = ratioOrNaN(-100 * (hh - close), hh - range.lowest());
        }
    }

    @Override
    void onReset() {
        range.reset();
    }
}
