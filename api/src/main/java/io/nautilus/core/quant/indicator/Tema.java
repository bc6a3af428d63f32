package io.nautilus.core.quant.indicator;

/**
 * Triple exponential moving average {@code 3 E1 - 3 E2 + E3} where {@code E1 = EMA(close)},
 * {@code E2 = EMA(E1)}, {@code E3 = EMA(E2)} (Mulloy). Each EMA is seeded TA-Lib style with the simple mean
 * of its first {@code period} inputs and starts on the first value of the one before. Output
 * {@code tema_<period>}, in price units. Warm-up: {@code 3 period - 2} bars. Follows TA-Lib {@code TEMA};
 * ta4j {@code TripleEMAIndicator} seeds each EMA with its first input and agrees only after convergence.
 * Mutable, not thread-safe.
 */
public final class Tema extends BaseIndicator {

    private final ChainedEma emas;

    public Tema(int period) {
        super(3 * requirePeriod("period", period, 1) - 2, "tema_" + period);
        this.emas = new ChainedEma(period, 3);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (emas.update(close)) {
            values[0] = 3 * emas.stage(0) - 3 * emas.stage(1) + emas.stage(2);
        }
    }

    @Override
    void onReset() {
        emas.reset();
    }
}
