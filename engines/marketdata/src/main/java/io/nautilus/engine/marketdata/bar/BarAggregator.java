package io.nautilus.engine.marketdata.bar;

import io.nautilus.core.model.BarInterval;
import io.nautilus.core.model.Bar;

/**
 * Builds the time bars of one symbol and one interval from a stream of prices, in primitive state: no allocation
 * per update, one {@link Bar} per closed bar.
 *
 * <p>Conventions:
 * <ul>
 *   <li>A bar covers {@code [start, start + interval)}, epoch-aligned (see {@link BarInterval}).</li>
 *   <li>Trades update it with their price and size; quote midpoints (used while a symbol has no trades) with size
 *       0. VWAP = sum(price x size) / sum(size); for a bar with zero volume (midpoints only) it is the plain mean
 *       of the prices. {@code tradeCount} counts updates (trades, or midpoints).</li>
 *   <li>Intervals without any update produce no bar (no flat filler bars).</li>
 *   <li>Late data: an update older than the open bar's start belongs to a bar already closed and published; bars
 *       are final, so it is not aggregated and {@link #update} returns {@link #LATE}.</li>
 * </ul>
 * Not thread-safe: owned by the engine's ring thread.
 */
public final class BarAggregator {
    /** {@link #update} result: the price went into the open bar. */
    public static final int UPDATED = 0;
    /** {@link #update} result: the price is older than the open bar and was not aggregated. */
    public static final int LATE = 1;

    private final String symbol;
    private final BarInterval interval;
    private boolean open;
    private long start;
    private double first;
    private double high;
    private double low;
    private double last;
    private double volume;
    private double priceVolume;
    private double priceSum;
    private long count;

    public BarAggregator(String symbol, BarInterval interval) {
        this.symbol = symbol;
        this.interval = interval;
    }

    public BarInterval interval() {
        return interval;
    }

    /** True when a bar is open and an update at {@code tsNanos} would fall after it: close it first. */
    public boolean closesAt(long tsNanos) {
        return open && tsNanos >= start + interval.nanos();
    }

    /**
     * Adds a price to the open bar (opening one if none is open). Call {@link #close()} first when
     * {@link #closesAt} says so.
     *
     * @return {@link #UPDATED} or {@link #LATE}
     */
    public int update(double price, double size, long tsNanos) {
        if (!open) {
            open = true;
            start = interval.bucketStart(tsNanos);
            first = price;
            high = price;
            low = price;
            volume = 0;
            priceVolume = 0;
            priceSum = 0;
            count = 0;
        } else if (tsNanos < start) {
            return LATE;
        }
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
        last = price;
        volume += size;
        priceVolume += price * size;
        priceSum += price;
        count++;
        return UPDATED;
    }

    /** True when a bar is open. */
    public boolean isOpen() {
        return open;
    }

    /** Start of the open bar (meaningless when none is open). */
    public long openStart() {
        return start;
    }

    /** End (exclusive) of the open bar (meaningless when none is open). */
    public long openEnd() {
        return start + interval.nanos();
    }

    /** The open bar as it stands, without closing it; {@code null} when none is open. */
    public Bar current() {
        if (!open) {
            return null;
        }
        double vwap = volume > 0 ? priceVolume / volume : priceSum / count;
        // the mean can round a hair outside [low, high] when every price is equal
        vwap = Math.min(Math.max(vwap, low), high);
        return new Bar(symbol, interval.label(), start, start + interval.nanos(), first, high, low, last, volume, vwap,
                count);
    }

    /** Closes the open bar and returns it; {@code null} when none is open. */
    public Bar close() {
        Bar b = current();
        open = false;
        return b;
    }
}
