package io.nautilus.core.quant.indicator;

/**
 * TRIX (Hutson): one-bar rate of change of a triple-smoothed EMA,
 * {@code 100 (E3 - E3[1]) / E3[1]} with {@code E3 = EMA(EMA(EMA(close)))}. Each EMA is seeded TA-Lib style
 * with the simple mean of its first {@code period} inputs and starts on the first value of the one before.
 * Output {@code trix_<period>}, percent per bar. Warm-up: {@code 3 period - 1} bars. Follows TA-Lib
 * {@code TRIX}. Mutable, not thread-safe.
 */
public final class Trix extends BaseIndicator {

    private final ChainedEma emas;
    private double previous = Double.NaN;

    public Trix(int period) {
        super(3 * requirePeriod("period", period, 1) - 1, "trix_" + period);
        this.emas = new ChainedEma(period, 3);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (!emas.update(close)) {
            return;
        }
        double e3 = emas.stage(2);
        if (!Double.isNaN(previous)) {
            values[0] = ratioOrNaN(100 * (e3 - previous), previous);
        }
        previous = e3;
    }

    @Override
    void onReset() {
        emas.reset();
        previous = Double.NaN;
    }
}
