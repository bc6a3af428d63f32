package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Z-score of the close against its last {@code period} closes (current included):
 * {@code (close - SMA) / populationStdDev}, the same population convention as {@link BollingerBands}.
 * Output {@code zscore_<period>}, in standard deviations. Warm-up: {@code period} bars. {@code NaN} at a bar
 * whose window is constant. Mutable, not thread-safe.
 */
public final class ZScore extends BaseIndicator {

    private final RollingWindow window;

    public ZScore(int period) {
        super(requirePeriod("period", period, 2), "zscore_" + period);
        this.window = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        window.add(close);
        if (window.isFull()) {
            values[0] = ratioOrNaN(close - window.mean(), Math.sqrt(window.populationVariance()));
        }
    }

    @Override
    void onReset() {
        window.clear();
    }
}
