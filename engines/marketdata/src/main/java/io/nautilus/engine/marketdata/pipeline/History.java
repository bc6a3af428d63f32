package io.nautilus.engine.marketdata.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The last {@code depth} items of one series, oldest first: a ring buffer that overwrites the oldest item. Not
 * thread-safe: owned by the ring thread; readers get copies.
 *
 * @param <T> item type (immutable records)
 */
public final class History<T> {
    private final Object[] items;
    private int next;
    private int size;

    public History(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("history depth must be >= 1, got " + depth);
        }
        this.items = new Object[depth];
    }

    /** Appends, overwriting the oldest item when full. */
    public void add(T item) {
        items[next] = item;
        next = next + 1 == items.length ? 0 : next + 1;
        if (size < items.length) {
            size++;
        }
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private T at(int i) { // i-th oldest
        int start = size < items.length ? 0 : next;
        return (T) items[(start + i) % items.length];
    }

    /** The newest item, or {@code null} when empty. */
    public T newest() {
        return size == 0 ? null : at(size - 1);
    }

    /** The most recent {@code limit} items, oldest first. */
    public List<T> last(int limit) {
        int n = Math.min(limit, size);
        var out = new ArrayList<T>(n);
        for (int i = size - n; i < size; i++) {
            out.add(at(i));
        }
        return out;
    }

    /**
     * The most recent {@code limit} items whose time is in {@code [from, to)}, oldest first.
     *
     * @param time the item's time, epoch nanoseconds
     */
    public List<T> between(long from, long to, int limit, ToLongFunction<T> time) {
        var out = new ArrayList<T>();
        for (int i = size - 1; i >= 0 && out.size() < limit; i--) {
            T item = at(i);
            long t = time.applyAsLong(item);
            if (t >= from && t < to) {
                out.add(item);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }
}
