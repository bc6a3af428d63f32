package io.nautilus.engine.marketdata.tick;

import io.nautilus.core.model.WireName;

/**
 * Why a record was not accepted. {@link #code()} (the wire name) is the snake_case word clients see in ingest answers.
 */
public enum Rejection implements WireName {
    /** A required field is missing or has the wrong type. */
    MALFORMED,
    /** The data type is not one of quote, trade, tick, bar. */
    UNSUPPORTED_TYPE,
    /** The symbol is not a well-formed symbol (1-32 of letters, digits, - _ / : ^ =). */
    INVALID_SYMBOL,
    /** A symbol list is configured and the symbol is not on it. */
    UNKNOWN_SYMBOL,
    /** A price or size is NaN or infinite. */
    NON_FINITE,
    /** A price is zero or negative. */
    NON_POSITIVE_PRICE,
    /** A size is negative (quotes) or not positive (trades). */
    BAD_SIZE,
    /** A quote's bid is above its ask. */
    CROSSED_QUOTE,
    /** A bar's high is below its open or close, or its low above them, or its volume is negative. */
    INCONSISTENT_BAR,
    /** The timestamp is missing, unparseable or not after 1970. */
    BAD_TIMESTAMP,
    /** The timestamp is earlier than the previous accepted record of the same source and symbol. */
    OUT_OF_ORDER;

    /** Computed once: {@link #code()} is read per rejected record. */
    private final String code = WireName.super.wireName();

    /** The word used in ingest answers and metrics: the {@link #wireName()}. */
    public String code() {
        return code;
    }

    @Override
    public String wireName() {
        return code;
    }
}
