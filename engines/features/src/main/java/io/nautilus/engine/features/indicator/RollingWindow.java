package io.nautilus.engine.features.indicator;

/**
 * Ring buffer of the last {@code capacity} doubles with O(1) sum, mean and variance.
 *
 * <p>Sums are kept relative to a shift (the window mean at the last recompute) to limit cancellation in the
 * variance, and are recomputed exactly from the buffer every time the ring wraps, so rounding drift never
 * accumulates beyond one window (amortized O(1)). Mutable, not thread-safe.
 */
final class RollingWindow {

    private final double[] values;
    private int next;
    private int count;
    private double shift;
    private double sum;
    private double sumSquares;

    RollingWindow(int capacity) {
        this.values = new double[BaseIndicator.requirePeriod("capacity", capacity, 1)];
    }

    /** Adds {@code x}; returns the value evicted to make room, or {@code NaN} while not yet full. */
    double add(double x) {
        double evicted = Double.NaN;
        if (count == values.length) {
            evicted = values[next];
            double d = evicted - shift;
            sum -= d;
            sumSquares -= d * d;
        } else {
            if (count == 0) {
                shift = x;
            }
            count++;
        }
        values[next] = x;
        double d = x - shift;
        sum += d;
        sumSquares += d * d;
        if (++next == values.length) {
            next = 0;
            if (count == values.length) {
                recompute();
            }
        }
        return evicted;
    }

    private void recompute() {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        shift = total / count;
        sum = 0;
        sumSquares = 0;
        for (double v : values) {
            double d = v - shift;
            sum += d;
            sumSquares += d * d;
        }
    }

    boolean isFull() {
        return count == values.length;
    }

    int size() {
        return count;
    }

    int capacity() {
        return values.length;
    }

    /** The value added {@code ago} additions before the newest ({@code ago = 0} is the newest). */
    double get(int ago) {
        int i = next - 1 - ago;
        return values[i < 0 ? i + values.length : i];
    }

    double sum() {
        return shift * count + sum;
    }

    double mean() {
        return shift + sum / count;
    }

    /** Variance dividing by the number of values. */
    double populationVariance() {
        double m = sum / count;
        return Math.max(0, sumSquares / count - m * m);
    }

    /** Variance dividing by the number of values minus one. */
    double sampleVariance() {
        return Math.max(0, (sumSquares - sum * sum / count) / (count - 1));
    }

    void clear() {
        next = 0;
        count = 0;
        shift = 0;
        sum = 0;
        sumSquares = 0;
    }
}
