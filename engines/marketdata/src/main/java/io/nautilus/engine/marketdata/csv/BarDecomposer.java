package io.nautilus.engine.marketdata.csv;

import io.nautilus.engine.marketdata.tick.TickBatch;

/**
 * Turns an OHLCV bar into four records that rebuild it exactly: open at the bar's start, then low and high (in
 * the order a rising bar, close &gt;= open, is assumed to take them: low first; a falling bar: high first), then
 * close, at 0, 1/4, 1/2 and 3/4 of the bar's span. With volume each record is a trade of a quarter of the volume
 * (so the rebuilt bar has the same volume; its VWAP is the mean of the four prices); without volume each is a
 * locked quote (bid = ask = price), and the bar is rebuilt from midpoints. Stateless and thread-safe.
 */
public final class BarDecomposer {
    private BarDecomposer() {
    }

    /** Appends the four records of one bar; {@code index} is the source row for rejections. */
    public static void decompose(String source, String symbol, long startNanos, long spanNanos, double open,
                                 double high, double low, double close, double volume, int index,
                                 TickBatch.Builder out) {
        boolean rising = close >= open;
        double second = rising ? low : high;
        double third = rising ? high : low;
        long q = spanNanos / 4;
        double[] prices = {open, second, third, close};
        for (int k = 0; k < 4; k++) {
            long t = startNanos + k * q;
            if (volume > 0) {
                out.trade(source, symbol, prices[k], volume / 4, t, index);
            } else {
                out.quote(source, symbol, prices[k], prices[k], 0, 0, t, index);
            }
        }
    }
}
