package io.nautilus.core.quant.indicator;

/**
 * Double exponential moving average {@code 2 EMA(close) - EMA(EMA(close))} (Mulloy). Each EMA is seeded
 * TA-Lib style with the simple mean of its first {@code period} inputs, and the outer EMA starts on the first
 * value of the inner one. Output {@code dema_<period>}, in price units. Warm-up: {@code 2 period - 1} bars.
 * Follows TA-Lib {@code DEMA}; ta4j {@code DoubleEMAIndicator} seeds each EMA with its first input and agrees
 * only after convergence. Mutable, not thread-safe.
 */
public final class Dema extends BaseIndicator {

    private final ChainedEma emas;

    public Dema(int period) {
        super(2 * requirePeriod("period", period, 1) - 1, "dema_" + period);
        this.emas = new ChainedEma(period, 2);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (emas.update(close)) {
            values[0] = 2 * emas.stage(0) - emas.stage(1);
        }
    }

    @Override
    void onReset() {
        emas.reset();
    }
}
