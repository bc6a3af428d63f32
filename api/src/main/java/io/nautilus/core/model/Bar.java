package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.nonNegative;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.positive;
import static io.nautilus.core.model.Checks.validSymbol;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * A time bar: OHLCV over {@code [startNanos, endNanos)}, with the volume-weighted average price and the number
 * of trades. Immutable and thread-safe.
 *
 * @param symbol     instrument symbol
 * @param interval   bar interval label, e.g. {@code 1s}, {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}
 * @param startNanos inclusive start, epoch nanoseconds
 * @param endNanos   exclusive end, epoch nanoseconds, &gt; start
 * @param open       first price
 * @param high       highest price, &gt;= open, close, low
 * @param low        lowest price
 * @param close      last price
 * @param volume     traded volume in units, &gt;= 0 (0 for bars built from quote midpoints)
 * @param vwap       volume-weighted average price (the close-weighted mean for zero-volume bars)
 * @param tradeCount number of trades (or quotes, for bars built from midpoints), &gt;= 0
 */
public record Bar(String symbol, String interval, long startNanos, long endNanos, double open, double high, double low,
                  double close, double volume, double vwap, long tradeCount) {
    public Bar {
        validSymbol("symbol", symbol);
        notBlank("interval", interval);
        timestamp("start_nanos", startNanos);
        if (endNanos <= startNanos) {
            throw new IllegalArgumentException("end_nanos must be > start_nanos, got " + endNanos + " <= " + startNanos);
        }
        positive("open", open);
        positive("high", high);
        positive("low", low);
        positive("close", close);
        nonNegative("volume", volume);
        positive("vwap", vwap);
        if (tradeCount < 0) {
            throw new IllegalArgumentException("trade_count must be >= 0, got " + tradeCount);
        }
        if (high < Math.max(Math.max(open, close), low) || low > Math.min(open, close)) {
            throw new IllegalArgumentException("inconsistent bar: high " + high + " low " + low + " open " + open
                    + " close " + close);
        }
    }
}
