package io.nautilus.core.quant.indicator;

/**
 * Relative strength index (Wilder): {@code 100 - 100 / (1 + avgGain / avgLoss)} (Wilder's formula, as ta4j
 * computes it; TA-Lib's {@code 100 avgGain / (avgGain + avgLoss)} is the same number up to rounding) where gains
 * and losses are the close-to-close changes and the averages are Wilder smoothing ({@code alpha = 1/period})
 * seeded TA-Lib style with the simple mean of the first {@code period} changes. Output {@code rsi_<period>},
 * percent in [0, 100]: 100 when the window has gains and no loss, 0 when it has losses and no gain.
 * Warm-up: {@code period + 1} bars. {@code NaN} at a bar where both averages are zero (0 / 0, a flat window;
 * TA-Lib and ta4j print 0 there). Follows TA-Lib {@code RSI}; ta4j {@code RSIIndicator} seeds its averages with
 * the first change and agrees after convergence. Mutable, not thread-safe.
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
                values[0] = gain == 0 && loss == 0 ? Double.NaN : 100 - 100 / (1 + gain / loss);
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
