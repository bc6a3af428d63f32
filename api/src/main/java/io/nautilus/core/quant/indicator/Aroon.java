package io.nautilus.core.quant.indicator;

/**
 * Aroon (Chande) over {@code period + 1} bars (current included, TA-Lib {@code AROON} convention):
 * {@code aroon_up = 100 (period - bars since the highest high) / period}, {@code aroon_down} likewise with
 * the lowest low, {@code aroon_oscillator = up - down}. On ties the most recent bar counts (TA-Lib). Percent,
 * up/down in [0, 100]. Warm-up: {@code period + 1} bars. Monotonic deques, amortized O(1). Mutable, not
 * thread-safe.
 */
public final class Aroon extends BaseIndicator {

    private final double period;
    private final RollingRange range;

    public Aroon(int period) {
        super(requirePeriod("period", period, 1) + 1, "aroon_up", "aroon_down", "aroon_oscillator");
        this.period = period;
        this.range = new RollingRange(period + 1);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        range.add(high, low);
        if (range.isFull()) {
            double up = 100 * (period - range.barsSinceHighest()) / period;
            double down = 100 * (period - range.barsSinceLowest()) / period;
            values[0] = up;
            values[1] = down;
            values[2] = up - down;
        }
    }

    @Override
    void onReset() {
        range.reset();
    }
}
