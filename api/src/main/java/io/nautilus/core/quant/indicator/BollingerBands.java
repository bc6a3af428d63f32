package io.nautilus.core.quant.indicator;

import io.nautilus.core.quant.RollingWindow;

/**
 * Bollinger Bands over {@code period} closes with {@code k} standard deviations, the POPULATION standard
 * deviation (divide by {@code period}) as in Bollinger, TA-Lib {@code BBANDS} and ta4j. Outputs
 * {@code bb_upper}, {@code bb_middle} (the SMA), {@code bb_lower} in price units, {@code bb_percent_b =
 * (close - lower) / (upper - lower)} as a fraction (0 at the lower band, 1 at the upper) and
 * {@code bb_bandwidth = (upper - lower) / middle} as a fraction (ta4j's {@code BollingerBandWidthIndicator}
 * is this times 100). Warm-up: {@code period} bars. {@code %b} is {@code NaN} at a bar whose bands coincide.
 * Running sums with exact recompute at every window wrap. Mutable, not thread-safe.
 */
public final class BollingerBands extends BaseIndicator {

    private final double k;
    private final RollingWindow window;

    public BollingerBands(int period, double k) {
        super(requirePeriod("period", period, 1), "bb_upper", "bb_middle", "bb_lower", "bb_percent_b",
                "bb_bandwidth");
        this.k = requirePositive("k", k);
        this.window = new RollingWindow(period);
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        window.add(close);
        if (!window.isFull()) {
            return;
        }
        double middle = window.mean();
        double width = k * Math.sqrt(window.populationVariance());
        double upper = middle + width;
        double lower = middle - width;
        values[0] = upper;
        values[1] = middle;
        values[2] = lower;
        values[3] = ratioOrNaN(close - lower, upper - lower);
        values[4] = ratioOrNaN(upper - lower, middle);
    }

    @Override
    void onReset() {
        window.clear();
    }
}
