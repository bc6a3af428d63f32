package io.nautilus.engine.portfolio.execution;

import java.util.HashMap;
import java.util.Map;

/**
 * Latest top of book and last trade per symbol, as seen from md.quote.* and md.trade.*. Prices 0 mean "not seen
 * yet". Mutable and not thread-safe: owned by the engine's ring thread.
 */
public final class MarketPrices {
    /** One symbol's latest prices; fields updated in place (no allocation per tick). */
    public static final class Touch {
        double bid;
        double ask;
        double bidSize;
        double askSize;
        double last;

        public double bid() {
            return bid;
        }

        public double ask() {
            return ask;
        }

        public double bidSize() {
            return bidSize;
        }

        public double askSize() {
            return askSize;
        }

        public double last() {
            return last;
        }

        /** True once a quote was seen. */
        public boolean hasQuote() {
            return bid > 0 && ask > 0;
        }

        /** Mark price: the mid with a quote, else the last trade, else 0. */
        public double mark() {
            return hasQuote() ? 0.5 * (bid + ask) : last;
        }
    }

    private final Map<String, Touch> touches = new HashMap<>();

    /** The symbol's prices (created empty on first use). */
    public Touch touch(String symbol) {
        return touches.computeIfAbsent(symbol, s -> new Touch());
    }

    public void quote(String symbol, double bid, double ask, double bidSize, double askSize) {
        Touch t = touch(symbol);
        t.bid = bid;
        t.ask = ask;
        t.bidSize = bidSize;
        t.askSize = askSize;
    }

    public void trade(String symbol, double price) {
        touch(symbol).last = price;
    }

    /** Mark price of a symbol, or 0 if nothing was seen. */
    public double mark(String symbol) {
        Touch t = touches.get(symbol);
        return t == null ? 0.0 : t.mark();
    }
}
