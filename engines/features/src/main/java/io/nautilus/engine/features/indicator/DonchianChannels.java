package io.nautilus.engine.features.indicator;

/**
 * Donchian Channels: {@code donchian_upper} = highest high and {@code donchian_lower} = lowest low of the
 * last {@code period} bars (current bar included), {@code donchian_middle} their midpoint, in price units.
 * Warm-up: {@code period} bars. Monotonic deques, amortized O(1). Matches ta4j
 * {@code DonchianChannelUpper/Lower/MiddleIndicator}. Mutable, not thread-safe.
 */
public final class DonchianChannels extends BaseIndicator {

    private final RollingExtreme highest;
    private final RollingExtreme lowest;

    public DonchianChannels(int period) {
        super(requirePeriod("period", period, 1), "donchian_upper", "donchian_middle", "donchian_lower");
        this.highest = RollingExtreme.max(period);
        this.lowest = RollingExtreme.min(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        highest.add(high);
        lowest.add(low);
        if (highest.isFull()) {
            double upper = highest.value();
            double lower = lowest.value();
            values[0] = upper;
            values[1] = (upper + lower) / 2;
            values[2] = lower;
        }
    }

    @Override
    void onReset() {
        highest.reset();
        lowest.reset();
    }
}
