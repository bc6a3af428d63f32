package io.nautilus.core.quant.indicator;

/**
 * Parabolic stop-and-reverse (Wilder), TA-Lib {@code SAR} algorithm. The first trend is short when the second
 * bar's downward move exceeds its upward move and is positive ({@code -DM > 0}), long otherwise; the first
 * SAR is the first bar's low (long) or high (short) and the first extreme point the second bar's high (long)
 * or low (short). The acceleration factor starts at {@code acceleration}, grows by {@code acceleration} on
 * each new extreme up to {@code maximum}, the SAR never enters the current or previous bar's range, and on
 * penetration the trend reverses with the SAR set to the prior extreme point. Output {@code psar}: the stop
 * for the current bar, in price units. Warm-up: 2 bars. Mutable, not thread-safe.
 */
public final class ParabolicSar extends BaseIndicator {

    private final double acceleration;
    private final double maximum;
    private boolean isLong;
    private double sar;
    private double extreme;
    private double factor;
    private double lastHigh;
    private double lastLow;

    public ParabolicSar(double acceleration, double maximum) {
        super(2, "psar");
        this.acceleration = requirePositive("acceleration", acceleration);
        this.maximum = requirePositive("maximum", maximum);
        if (maximum < acceleration) {
            throw new IllegalArgumentException("maximum must be >= acceleration, was maximum=" + maximum
                    + ", acceleration=" + acceleration);
        }
    }

    @Override
    void onBar(double open, double high, double low, double close, double volume) {
        if (bars == 1) {
            lastHigh = high;
            lastLow = low;
            return;
        }
        if (bars == 2) {
            double down = lastLow - low;
            double up = high - lastHigh;
            isLong = !(down > 0 && down > up);
            sar = isLong ? lastLow : lastHigh;
            extreme = isLong ? high : low;
            factor = acceleration;
            lastHigh = high;
            lastLow = low;
        }
        double previousHigh = lastHigh;
        double previousLow = lastLow;
        lastHigh = high;
        lastLow = low;
        if (isLong) {
            if (low <= sar) {
                isLong = false;
                sar = Math.max(extreme, Math.max(previousHigh, high));
                values[0] = sar;
                factor = acceleration;
                extreme = low;
                sar = Math.max(sar + factor * (extreme - sar), Math.max(previousHigh, high));
            } else {
                values[0] = sar;
                if (high > extreme) {
                    extreme = high;
                    factor = Math.min(factor + acceleration, maximum);
                }
                sar = Math.min(sar + factor * (extreme - sar), Math.min(previousLow, low));
            }
        } else {
            if (high >= sar) {
                isLong = true;
                sar = Math.min(extreme, Math.min(previousLow, low));
                values[0] = sar;
                factor = acceleration;
                extreme = high;
                sar = Math.min(sar + factor * (extreme - sar), Math.min(previousLow, low));
            } else {
                values[0] = sar;
                if (low < extreme) {
                    extreme = low;
                    factor = Math.min(factor + acceleration, maximum);
                }
                sar = Math.max(sar + factor * (extreme - sar), Math.max(previousHigh, high));
            }
        }
    }

    @Override
    void onReset() {
        isLong = false;
        sar = 0;
        extreme = 0;
        factor = 0;
        lastHigh = 0;
        lastLow = 0;
    }
}
