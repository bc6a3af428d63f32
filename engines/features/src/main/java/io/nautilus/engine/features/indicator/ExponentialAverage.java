package io.nautilus.engine.features.indicator;

/**
 * Exponential average {@code v += alpha * (x - v)} seeded TA-Lib style with the simple mean of the first
 * {@code period} inputs: {@link #value()} is {@code NaN} until {@code period} inputs have arrived.
 * {@link #ema} uses {@code alpha = 2 / (period + 1)}, {@link #wilder} uses {@code alpha = 1 / period}
 * (Wilder's smoothing, also called RMA/SMMA). Mutable, not thread-safe.
 */
final class ExponentialAverage {

    private final int period;
    private final double alpha;
    private int count;
    private double sum;
    private double value = Double.NaN;

    private ExponentialAverage(int period, double alpha) {
        this.period = BaseIndicator.requirePeriod("period", period, 1);
        this.alpha = alpha;
    }

    static ExponentialAverage ema(int period) {
        return new ExponentialAverage(period, 2.0 / (period + 1));
    }

    static ExponentialAverage wilder(int period) {
        return new ExponentialAverage(period, 1.0 / period);
    }

    /** Adds {@code x} and returns the new value ({@code NaN} while seeding). */
    double update(double x) {
        if (count < period) {
            sum += x;
            if (++count == period) {
                value = sum / period;
            }
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
