package io.nautilus.engine.features.indicator;

/**
 * Aroon (Chande) over {@code period + 1} bars (current included, TA-Lib {@code AROON} convention):
 * {@code aroon_up = 100 (period - bars since the highest high) / period}, {@code aroon_down} likewise with
 * the lowest low, {@code aroon_oscillator = up - down}. On ties the most recent bar counts (TA-Lib). Percent,
 * up/down in [0, 100]. Warm-up: {@code period + 1} bars. Monotonic deques, amortized O(1). Mutable, not
 * thread-safe.
 */
public final class Aroon extends BaseIndicator {

    private final double period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;

    public Aroon(int period) {
        super(requirePeriod("period", period, 1) + 1, "aroon_up", "aroon_down", "aroon_oscillator");
        this.period = period;
        this.highest = RollingExtreme.max(period + 1);
        this.lowest = RollingExtreme.min(period + 1);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        highest.add(high);
        lowest.add(low);
        if (highest.isFull()) {
            double up = 100 * (period - highest.age()) / period;
            double down = 100 * (period - lowest.age()) / period;
            values[0] = up;
            values[1] = down;
            values[2] = up - down;
        }
    }

    @Override
    void onReset() {
        highest.reset();
        lowest.reset();
    }
}
