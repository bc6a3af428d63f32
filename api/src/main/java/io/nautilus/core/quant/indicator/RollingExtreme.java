package io.nautilus.core.quant.indicator;

/**
 * Maximum (or minimum) of the last {@code window} values in amortized O(1) per update, by a monotonic deque
 * kept in two ring arrays. Ties resolve to the most recent value, so {@link #age()} counts bars since the
 * latest occurrence of the extreme (the TA-Lib Aroon convention). Mutable, not thread-safe.
 */
final class RollingExtreme {

    private final int window;
    private final boolean maximum;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long position;

    private RollingExtreme(int window, boolean maximum) {
        this.window = BaseIndicator.requirePeriod("window", window, 1);
        this.maximum = maximum;
        this.values = new double[window];
        this.positions = new long[window];
    }

    static RollingExtreme max(int window) {
        return new RollingExtreme(window, true);
    }

    static RollingExtreme min(int window) {
        return new RollingExtreme(window, false);
    }

    void add(double x) {
        long p = position++;
        if (size > 0 && positions[head] <= p - window) {
            head = (head + 1) % window;
            size--;
        }
        while (size > 0) {
            double back = values[(head + size - 1) % window];
            if (maximum ? back <= x : back >= x) {
                size--;
            } else {
                break;
            }
        }
        int slot = (head + size) % window;
        values[slot] = x;
        positions[slot] = p;
        size++;
    }

    /** True once {@code window} values have been added. */
    boolean isFull() {
        return position >= window;
    }

    double value() {
        return values[head];
    }

    /** Number of additions since the extreme was added (0 when it is the newest value). */
    int age() {
        return (int) (position - 1 - positions[head]);
    }

    void reset() {
        head = 0;
        size = 0;
        position = 0;
    }
}
