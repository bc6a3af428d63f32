package io.nautilus.core.quant.indicator;

/**
 * Highest high and lowest low of the last {@code window} bars (current included), with the number of bars
 * since each; ties resolve to the most recent bar. Amortized O(1). Mutable, not thread-safe.
 */
final class RollingRange {

    private final RollingExtreme highest;
    private final RollingExtreme lowest;

    RollingRange(int window) {
        this.highest = RollingExtreme.max(window);
        this.lowest = RollingExtreme.min(window);
    }

    void add(double high, double low) {
        highest.add(high);
        lowest.add(low);
    }

    boolean isFull() {
        return highest.isFull();
    }

    double highest() {
        return highest.value();
    }

    double lowest() {
        return lowest.value();
    }

    int barsSinceHighest() {
        return highest.age();
    }

    int barsSinceLowest() {
        return lowest.age();
    }

    void reset() {
        highest.reset();
        lowest.reset();
    }
}
