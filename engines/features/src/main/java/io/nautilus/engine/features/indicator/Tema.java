package io.nautilus.engine.features.indicator;

/**
 * Triple exponential moving average {@code 3 E1 - 3 E2 + E3} where {@code E1 = EMA(close)},
 * {@code E2 = EMA(E1)}, {@code E3 = EMA(E2)} (Mulloy). Each EMA is seeded TA-Lib style with the simple mean
 * of its first {@code period} inputs and starts on the first value of the one before. Output
 * {@code tema_<period>}, in price units. Warm-up: {@code 3 period - 2} bars. Matches TA-Lib {@code TEMA};
 * ta4j {@code TripleEMAIndicator} seeds each EMA with its first input and agrees only after convergence.
 * Mutable, not thread-safe.
 */
public final class Tema extends BaseIndicator {

    private final ExponentialAverage ema1;
    private final ExponentialAverage ema2;
    private final ExponentialAverage ema3;

    public Tema(int period) {
        super(3 * requirePeriod("period", period, 1) - 2, "tema_" + period);
        this.ema1 = ExponentialAverage.ema(period);
        this.ema2 = ExponentialAverage.ema(period);
        this.ema3 = ExponentialAverage.ema(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        double e1 = ema1.update(close);
        if (!ema1.isReady()) {
            return;
        }
        double e2 = ema2.update(e1);
        if (!ema2.isReady()) {
            return;
        }
        double e3 = ema3.update(e2);
        if (ema3.isReady()) {
            values[0] = 3 * e1 - 3 * e2 + e3;
        }
    }

    @Override
    void onReset() {
        ema1.reset();
        ema2.reset();
        ema3.reset();
    }
}
