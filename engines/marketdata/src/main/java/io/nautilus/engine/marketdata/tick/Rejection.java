package io.nautilus.engine.marketdata.tick;

/**
 * Why a record was not accepted. {@link #code()} is the snake_case word clients see in ingest answers.
 */
public enum Rejection {
    /** A required field is missing or has the wrong type. */
    MALFORMED("malformed"),
    /** The data type is not one of quote, trade, tick, bar. */
    UNSUPPORTED_TYPE("unsupported_type"),
    /** The symbol is not a well-formed symbol (1-32 of letters, digits, - _ / : ^ =). */
    INVALID_SYMBOL("invalid_symbol"),
    /** A symbol list is configured and the symbol is not on it. */
    UNKNOWN_SYMBOL("unknown_symbol"),
    /** A price or size is NaN or infinite. */
    NON_FINITE("non_finite"),
    /** A price is zero or negative. */
    NON_POSITIVE_PRICE("non_positive_price"),
    /** A size is negative (quotes) or not positive (trades). */
    BAD_SIZE("bad_size"),
    /** A quote's bid is above its ask. */
    CROSSED_QUOTE("crossed_quote"),
    /** A bar's high is below its open or close, or its low above them, or its volume is negative. */
    INCONSISTENT_BAR("inconsistent_bar"),
    /** The timestamp is missing, unparseable or not after 1970. */
    BAD_TIMESTAMP("bad_timestamp"),
    /** The timestamp is earlier than the previous accepted record of the same source and symbol. */
    OUT_OF_ORDER("out_of_order");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    /** The word used in ingest answers and metrics. */
    public String code() {
        return code;
    }
}
