package io.nautilus.core.quant;

/**
 * Fixed-capacity ring buffer of doubles with O(1) add and O(1) sum, mean and variance over the values it
 * holds (the last {@code capacity} added). For streaming engines: no allocation after construction.
 *
 * <p>Numerics: mean and the sum of squared deviations are maintained by Welford's update while filling and by
 * its sliding form once full (add x, drop y: mean' = mean + (x-y)/n, M2' += (x-y)(x - mean' + y - mean)). The
 * sliding form can accumulate rounding drift over millions of updates, so each time the ring wraps around
 * both are recomputed exactly by two passes over the buffer: O(capacity) once per capacity adds, i.e. O(1)
 * amortized, and the error never accumulates beyond one window's worth of updates. Unlike running sums of x
 * and x², this does not lose precision when the mean is large relative to the spread (e.g. prices).
 *
 * <p>Not thread-safe: confine an instance to one thread (e.g. one engine's event handler).
 */
public final class RollingWindow {

    private final double[] values;
    private int head;
    private int size;
    private double mean;
    private double m2;

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
     */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("value must be finite, was " + x);
        }
        int capacity = values.length;
        if (size < capacity) {
            values[(head + size) % capacity] = x;
            size++;
            double delta = x - mean;
            mean += delta / size;
            m2 += delta * (x - mean);
            return;
        }
        double y = values[head];
        values[head] = x;
        head = head + 1 == capacity ? 0 : head + 1;
        if (head == 0) {
            recompute();
            return;
        }
        double oldMean = mean;
        mean += (x - y) / size;
        m2 += (x - y) * (x - mean + y - oldMean);
        if (m2 < 0.0) {
            m2 = 0.0;
        }
    }

    private void recompute() {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        mean = sum / size;
        double squares = 0.0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
        }
        m2 = squares;
    }

    /** Removes every value. */
    public void clear() {
        head = 0;
        size = 0;
        mean = 0.0;
        m2 = 0.0;
    }

    /** @return the maximum number of values held */
    public int capacity() {
        return values.length;
    }

    /** @return the number of values held, at most {@link #capacity()} */
    public int size() {
        return size;
    }

    /** @return whether no value is held */
    public boolean isEmpty() {
        return size == 0;
    }

    /** @return whether the window holds {@link #capacity()} values */
    public boolean isFull() {
        return size == values.length;
    }

    /**
     * @param index 0 for the oldest value held up to {@code size() - 1} for the newest
     * @return the value
     */
    public double get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index must be in [0, " + size + "), was " + index);
        }
        return values[(head + index) % values.length];
    }

    /** @return the oldest value held; throws when empty */
    public double oldest() {
        requireSize(1);
        return get(0);
    }

    /** @return the most recently added value; throws when empty */
    public double newest() {
        requireSize(1);
        return get(size - 1);
    }

    /** @return the values held, oldest first, as a new array */
    public double[] toArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = values[(head + i) % values.length];
        }
        return out;
    }

    /** @return the sum of the values held (size·mean); 0 when empty */
    public double sum() {
        return size * mean;
    }

    /** @return the arithmetic mean; throws {@link IllegalStateException} when empty */
    public double mean() {
        requireSize(1);
        return mean;
    }

    /** @return the sample variance (divisor n-1); throws {@link IllegalStateException} with fewer than 2 values */
    public double variance() {
        requireSize(2);
        return m2 / (size - 1);
    }

    /** @return the population variance (divisor n); throws {@link IllegalStateException} when empty */
    public double populationVariance() {
        requireSize(1);
        return m2 / size;
    }

    /** @return sqrt of the sample variance; throws {@link IllegalStateException} with fewer than 2 values */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    private void requireSize(int needed) {
        if (size < needed) {
            throw new IllegalStateException("rolling window holds " + size + " value(s), needs at least " + needed
                + ": check size() before asking");
        }
    }
}
