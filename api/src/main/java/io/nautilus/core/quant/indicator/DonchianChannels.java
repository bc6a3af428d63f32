package io.nautilus.core.quant.indicator;

/**
 * Donchian Channels: {@code donchian_upper} = highest high and {@code donchian_lower} = lowest low of the
 * last {@code period} bars (current bar included), {@code donchian_middle} their midpoint, in price units.
 * Warm-up: {@code period} bars. Monotonic deques, amortized O(1). Matches ta4j
 * {@code DonchianChannelUpper/Lower/MiddleIndicator}. Mutable, not thread-safe.
 */
public final class DonchianChannels extends BaseIndicator {

    private final RollingRange range;

    public DonchianChannels(int period) {
        super(requirePeriod("period", period, 1), "donchian_upper", "donchian_middle", "donchian_lower");
        this.range = new RollingRange(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        range.add(high, low);
        if (range.isFull()) {
            double upper = range.highest();
            double lower = range.lowest();
            values[0] = upper;
            values[1] = (upper + lower) / 2;
            values[2] = lower;
        }
    }

    @Override
    void onReset() {
        range.reset();
    }
}
