package io.nautilus.core.quant.indicator;

/**
 * Moving average convergence/divergence (Appel). Outputs {@code macd = EMA(close, fast) - EMA(close, slow)},
 * {@code macd_signal} = a real EMA of the MACD line over {@code signal} bars, and
 * {@code macd_histogram = macd - macd_signal}, all in price units. Every EMA is seeded TA-Lib style with the
 * simple mean of its first inputs; the signal EMA starts on the first MACD value.
 *
 * <p>Warm-up: the line appears after {@code slow} bars, signal and histogram after {@code slow + signal - 1}
 * bars ({@link #warmupBars()}, the same as TA-Lib's lookback). TA-Lib re-seeds its fast EMA to start at the
 * slow one's first bar, so its early MACD values differ from these standalone EMAs until the seeds decay;
 * ta4j {@code MACDIndicator} seeds with the first close. Both agree after convergence. Mutable, not
 * thread-safe.
 */
public final class Macd extends BaseIndicator {

    private final ExponentialAverage fastEma;
    private final ExponentialAverage slowEma;
    private final ExponentialAverage signalEma;

    public Macd(int fast, int slow, int signal) {
        super(requirePeriod("slow", slow, 2) + requirePeriod("signal", signal, 1) - 1,
                "macd", "macd_signal", "macd_histogram");
        requirePeriod("fast", fast, 1);
        if (fast >= slow) {
            throw new IllegalArgumentException("fast must be < slow, was fast=" + fast + ", slow=" + slow);
        }
        this.fastEma = ExponentialAverage.ema(fast);
        this.slowEma = ExponentialAverage.ema(slow);
        this.signalEma = ExponentialAverage.ema(signal);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        double fastValue = fastEma.update(close);
        double slowValue = slowEma.update(close);
        if (!slowEma.isReady()) {
            return;
        }
        double line = fastValue - slowValue;
        values[0] = line;
        double signal = signalEma.update(line);
        if (signalEma.isReady()) {
            values[1] = signal;
            values[2] = line - signal;
        }
    }

    @Override
    void onReset() {
        fastEma.reset();
        slowEma.reset();
        signalEma.reset();
    }
}
