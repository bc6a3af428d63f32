package io.nautilus.core.quant.indicator;

/**
 * One-bar log return {@code ln(close / previous close)}. Output {@code log_return}, a per-bar fraction (not
 * annualized, not percent). Warm-up: 2 bars. Mutable, not thread-safe.
 */
public final class LogReturn extends BaseIndicator {

    private double previousClose = Double.NaN;

    public LogReturn() {
        super(2, "log_return");
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars > 1) {
            values[0] = Math.log(close / previousClose);
        }
        previousClose = close;
    }

    @Override
    void onReset() {
        previousClose = Double.NaN;
    }
}
