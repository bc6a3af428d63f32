package io.nautilus.core.quant.indicator;

/**
 * Exponential average {@code v += alpha * (x - v)} seeded TA-Lib style with the simple mean of the first
 * {@code period} inputs: {@link #value()} is {@code NaN} until {@code period} inputs have arrived.
 * {@link #ema} uses {@code alpha = 2 / (period + 1)}, {@link #wilder} uses {@code alpha = 1 / period}
 * (Wilder's smoothing, also called RMA/SMMA), computed as {@code v += (x - v) / period}: one rounding instead of
 * two, since {@code 1 / period} is inexact for most periods. Mutable, not thread-safe.
 */
final class ExponentialAverage {

    private final int period;
    private final double alpha;
    private final boolean wilder;
    private int count;
    private double sum;
    private double value = Double.NaN;

    private ExponentialAverage(int period, double alpha, boolean wilder) {
        this.period = BaseIndicator.requirePeriod("period", period, 1);
        this.alpha = alpha;
        this.wilder = wilder;
    }

    static ExponentialAverage ema(int period) {
        return new ExponentialAverage(period, 2.0 / (period + 1), false);
    }

    static ExponentialAverage wilder(int period) {
        return new ExponentialAverage(period, 1.0 / period, true);
    }

    /** Adds {@code x} and returns the new value ({@code NaN} while seeding). */
    double update(double x) {
        if (count < period) {
            sum += x;
            if (++count == period) {
                value = sum / period;
            }
        } else if (wilder) {
            value += (x - value) / period;
        } else {
            value += alpha * (x - value);
        }
        return value;
    }

    boolean isReady() {
        return count >= period;
    }

    double value() {
        return value;
    }

    void reset() {
        count = 0;
        sum = 0;
        value = Double.NaN;
    }
}
