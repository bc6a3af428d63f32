package io.nautilus.core.quant.indicator;

/**
 * Exponential moving average of the close, {@code alpha = 2 / (period + 1)}, seeded TA-Lib style with the
 * simple mean of the first {@code period} closes. Output {@code ema_<period>}, in price units. Warm-up:
 * {@code period} bars. Follows TA-Lib {@code EMA}; ta4j {@code EMAIndicator} seeds with the first
 * close instead, so the two agree only after the seed has decayed. Mutable, not thread-safe.
 */
public final class Ema extends BaseIndicator {

    private final ExponentialAverage ema;

    public Ema(int period) {
        super(requirePeriod("period", period, 1), "ema_" + period);
        this.ema = ExponentialAverage.ema(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        values[0] = ema.update(close);
    }

    @Override
    void onReset() {
        ema.reset();
    }
}
