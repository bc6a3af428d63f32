package io.nautilus.core.quant.indicator;

/**
 * Keltner Channels in the modern (Raschke) form: {@code keltner_middle = EMA(close, period)} seeded with the
 * simple mean of the first {@code period} closes, {@code keltner_upper/lower = middle +/- multiplier
 * ATR(atrPeriod)} with the {@link Atr} conventions. All in price units. Warm-up:
 * {@code max(period, atrPeriod + 1)} bars; the middle line appears after {@code period} bars. Mutable, not
 * thread-safe.
 */
public final class KeltnerChannels extends BaseIndicator {

    private final double multiplier;
    private final ExponentialAverage middle;
    private final Atr atr;

    public KeltnerChannels(int period, int atrPeriod, double multiplier) {
        super(Math.max(requirePeriod("period", period, 1), requirePeriod("atr_period", atrPeriod, 1) + 1),
                "keltner_upper", "keltner_middle", "keltner_lower");
        this.multiplier = requirePositive("multiplier", multiplier);
        this.middle = ExponentialAverage.ema(period);
        this.atr = new Atr(atrPeriod);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        double mid = middle.update(close);
        atr.update(open, high, low, close, volume);
        values[1] = mid;
        if (middle.isReady() && atr.isReady()) {
            double width = multiplier * atr.value();
            values[0] = mid + width;
            values[2] = mid - width;
        }
    }

    @Override
    void onReset() {
        middle.reset();
        atr.reset();
    }
}
