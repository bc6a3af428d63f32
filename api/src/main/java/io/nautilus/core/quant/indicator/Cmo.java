package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Chande momentum oscillator in Chande's original form: {@code 100 (sumUp - sumDown) / (sumUp + sumDown)}
 * over the last {@code period} close-to-close changes, plain sums (no smoothing). Output
 * {@code cmo_<period>}, percent in [-100, 100]. Warm-up: {@code period + 1} bars. {@code NaN} at a bar with
 * no change in the window. Matches ta4j {@code CMOIndicator}; TA-Lib {@code CMO} uses Wilder-smoothed sums
 * instead (it equals {@code 2 RSI - 100}). Mutable, not thread-safe.
 */
public final class Cmo extends BaseIndicator {

    private final RollingWindow ups;
    private final RollingWindow downs;
    private double previousClose = Double.NaN;

    public Cmo(int period) {
        super(requirePeriod("period", period, 1) + 1, "cmo_" + period);
        this.ups = new RollingWindow(period);
        this.downs = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars > 1) {
            double change = close - previousClose;
            ups.add(Math.max(change, 0));
            downs.add(Math.max(-change, 0));
            if (ups.isFull()) {
                double up = ups.sum();
                double down = downs.sum();
                values[0] = ratioOrNaN(100 * (up - down), up + down);
            }
        }
        previousClose = close;
    }

    @Override
    void onReset() {
        ups.clear();
        downs.clear();
        previousClose = Double.NaN;
    }
}
