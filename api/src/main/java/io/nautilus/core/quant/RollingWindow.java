package io.nautilus.core.quant;

/**
 * Fixed-capacity ring buffer of the last {@code capacity} doubles with O(1) add and O(1) sum, mean and variance
 * over the values it holds. For streaming code (the indicator library, engines' per-symbol state): no allocation
 * after construction.
 *
 * <p>Numerics: the sums of values and of squared values are kept relative to a shift (the window mean at the
 * last exact recompute), which keeps the variance free of the cancellation that running sums of x and x² suffer
 * when the mean is large relative to the spread (prices). Every time the ring wraps around, the shift and both
 * sums are recomputed exactly by two passes over the buffer: O(capacity) once per capacity adds, i.e. O(1)
 * amortized, so rounding drift never accumulates beyond one window's worth of updates. Values agree with a
 * two-pass mean and variance of the same window to a few ulps, not to the bit.
 *
 * <p>Not thread-safe: confine an instance to one thread (e.g. one engine's ring thread).
 */
public final class RollingWindow {

    private final double[] values;
    /** Index of the slot the next value goes to; the oldest value once full. */
    private int next;
    private int count;
    private double shift;
    private double sum;
    private double sumSquares;

    /**
     * @param capacity number of most recent values kept, &gt;= 1
     */
    public RollingWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.values = new double[capacity];
    }

    /**
     * Adds a value, evicting the oldest when full.
     *
     * @param x finite value
     * @return the value evicted to make room, or {@code NaN} while the window was not yet full
     */
    public double add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("value must be finite, was " + x);
        }
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

    /** Removes every value. */
    public void clear() {
        next = 0;
        count = 0;
        shift = 0;
        sum = 0;
        sumSquares = 0;
    }

    /** @return the maximum number of values held */
    public int capacity() {
        return values.length;
    }

    /** @return the number of values held, at most {@link #capacity()} */
    public int size() {
        return count;
    }

    /** @return whether no value is held */
    public boolean isEmpty() {
        return count == 0;
    }

    /** @return whether the window holds {@link #capacity()} values */
    public boolean isFull() {
        return count == values.length;
    }

    /**
     * @param index 0 for the oldest value held up to {@code size() - 1} for the newest
     * @return the value
     */
    public double get(int index) {
        return ago(count - 1 - index);
    }

    /**
     * @param ago 0 for the newest value held up to {@code size() - 1} for the oldest
     * @return the value added {@code ago} additions before the newest
     */
    public double ago(int ago) {
        if (ago < 0 || ago >= count) {
            throw new IndexOutOfBoundsException("position must be in [0, " + count + "), was " + ago);
        }
        int i = next - 1 - ago;
        return values[i < 0 ? i + values.length : i];
    }

    /** @return the oldest value held; throws when empty */
    public double oldest() {
        requireSize(1);
        return get(0);
    }

    /** @return the most recently added value; throws when empty */
    public double newest() {
        requireSize(1);
        return ago(0);
    }

    /** @return the values held, oldest first, as a new array */
    public double[] toArray() {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** @return the sum of the values held; 0 when empty */
    public double sum() {
        return shift * count + sum;
    }

    /** @return the arithmetic mean; throws {@link IllegalStateException} when empty */
    public double mean() {
        requireSize(1);
        return shift + sum / count;
    }

    /** @return the sample variance (divisor n-1); throws {@link IllegalStateException} with fewer than 2 values */
    public double variance() {
        requireSize(2);
        return Math.max(0, (sumSquares - sum * sum / count) / (count - 1));
    }

    /** @return the population variance (divisor n); throws {@link IllegalStateException} when empty */
    public double populationVariance() {
        requireSize(1);
        double m = sum / count;
        return Math.max(0, sumSquares / count - m * m);
    }

    /** @return sqrt of the sample variance; throws {@link IllegalStateException} with fewer than 2 values */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    private void requireSize(int needed) {
        if (count < needed) {
            throw new IllegalStateException("rolling window holds " + count + " value(s), needs at least " + needed
                + ": check size() before asking");
        }
    }
}
