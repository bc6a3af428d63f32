package io.nautilus.engine.marketdata.tick;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validation rules of one record, without state: finite, positive prices; sizes &gt;= 0 for quotes and
 * &gt; 0 for trades; no crossed quote (bid &gt; ask; a locked quote, bid == ask, is accepted); an event time
 * after 1970; a well-formed symbol, and one on the configured symbol list when there is one. Ordering per source
 * is stateful and lives in the pipeline. Immutable and thread-safe.
 */
public final class TickValidator {
    /** Same alphabet as {@code io.nautilus.core.model.Checks}: one bus topic token, no dots. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9^=_:/\\-]{1,32}");

    private final Set<String> allowedSymbols;

    /**
     * @param allowedSymbols the configured symbol list, or an empty set to accept every well-formed symbol
     */
    public TickValidator(Set<String> allowedSymbols) {
        this.allowedSymbols = Set.copyOf(allowedSymbols);
    }

    /** A validator accepting every well-formed symbol. */
    public static TickValidator acceptingAnySymbol() {
        return new TickValidator(Set.of());
    }

    /** Checks a symbol; {@code null} when acceptable. */
    public Rejection checkSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            return Rejection.INVALID_SYMBOL;
        }
        if (!allowedSymbols.isEmpty() && !allowedSymbols.contains(symbol)) {
            return Rejection.UNKNOWN_SYMBOL;
        }
        return null;
    }

    /** Checks the fields of record {@code i} (not its symbol nor its order); {@code null} when valid. */
    public Rejection checkFields(TickBatch batch, int i) {
        if (batch.tsNanos(i) <= 0) {
            return Rejection.BAD_TIMESTAMP;
        }
        if (batch.isQuote(i)) {
            return checkQuote(batch.bid(i), batch.ask(i), batch.bidSize(i), batch.askSize(i));
        }
        return checkTrade(batch.price(i), batch.tradeSize(i));
    }

    static Rejection checkQuote(double bid, double ask, double bidSize, double askSize) {
        if (!(Double.isFinite(bid) && Double.isFinite(ask) && Double.isFinite(bidSize) && Double.isFinite(askSize))) {
            return Rejection.NON_FINITE;
        }
        if (bid <= 0 || ask <= 0) {
            return Rejection.NON_POSITIVE_PRICE;
        }
        if (bidSize < 0 || askSize < 0) {
            return Rejection.BAD_SIZE;
        }
        return bid > ask ? Rejection.CROSSED_QUOTE : null;
    }

    static Rejection checkTrade(double price, double size) {
        if (!(Double.isFinite(price) && Double.isFinite(size))) {
            return Rejection.NON_FINITE;
        }
        if (price <= 0) {
            return Rejection.NON_POSITIVE_PRICE;
        }
        return size <= 0 ? Rejection.BAD_SIZE : null;
    }

    /** A sentence for a rejection of record {@code i}, naming the field and the allowed range. */
    public static String describe(Rejection r, TickBatch batch, int i) {
        boolean q = batch.isQuote(i);
        return switch (r) {
            case INVALID_SYMBOL -> "symbol must be 1-32 characters of letters, digits and - _ / : ^ = (no dots), got '"
                    + batch.symbol(i) + "'";
            case UNKNOWN_SYMBOL -> "symbol '" + batch.symbol(i) + "' is not on the configured symbol list";
            case NON_FINITE -> q ? "bid, ask, bid_size and ask_size must be finite numbers, got bid " + batch.bid(i)
                    + " ask " + batch.ask(i) + " bid_size " + batch.bidSize(i) + " ask_size " + batch.askSize(i)
                    : "price and size must be finite numbers, got price " + batch.price(i) + " size " + batch.tradeSize(i);
            case NON_POSITIVE_PRICE -> q ? "bid and ask must be > 0, got bid " + batch.bid(i) + " ask " + batch.ask(i)
                    : "price must be > 0, got " + batch.price(i);
            case BAD_SIZE -> q ? "bid_size and ask_size must be >= 0, got " + batch.bidSize(i) + " and " + batch.askSize(i)
                    : "size must be > 0, got " + batch.tradeSize(i);
            case CROSSED_QUOTE -> "crossed quote: bid " + batch.bid(i) + " > ask " + batch.ask(i);
            case BAD_TIMESTAMP -> "timestamp must be after 1970-01-01T00:00:00Z, got " + batch.tsNanos(i) + " ns";
            case OUT_OF_ORDER -> "timestamp " + batch.tsNanos(i) + " ns is earlier than the previous record of source '"
                    + batch.source(i) + "' for " + batch.symbol(i);
            case MALFORMED, UNSUPPORTED_TYPE, INCONSISTENT_BAR -> r.code();
        };
    }
}
