package io.nautilus.engine.features.indicator;

/**
 * Relative strength index (Wilder): {@code 100 avgGain / (avgGain + avgLoss)} where gains and losses are the
 * close-to-close changes and the averages are Wilder smoothing ({@code alpha = 1/period}) seeded TA-Lib style
 * with the simple mean of the first {@code period} changes. Output {@code rsi_<period>}, percent in [0, 100].
 * Warm-up: {@code period + 1} bars. {@code NaN} at a bar where both averages are zero (TA-Lib prints 0).
 * Follows TA-Lib {@code RSI}; ta4j {@code RSIIndicator} seeds its averages with the first change and agrees
 * after convergence. Mutable, not thread-safe.
 */
public final class Rsi extends BaseIndicator {

    private final ExponentialAverage gains;
    private final ExponentialAverage losses;
    private double previousClose = Double.NaN;

    public Rsi(int period) {
        super(requirePeriod("period", period, 1) + 1, "rsi_" + period);
        this.gains = ExponentialAverage.wilder(period);
        this.losses = ExponentialAverage.wilder(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars > 1) {
            double change = close - previousClose;
            double gain = gains.update(Math.max(change, 0));
            double loss = losses.update(Math.max(-change, 0));
            if (gains.isReady()) {
                values[0] = ratioOrNaN(100 * gain, gain + loss);
            }
        }
        previousClose = close;
    }

    @Override
    void onReset() {
        gains.reset();
        losses.reset();
        previousClose = Double.NaN;
    }
}
