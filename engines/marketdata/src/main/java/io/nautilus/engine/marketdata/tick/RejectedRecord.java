package io.nautilus.engine.marketdata.tick;

/**
 * One record an ingest did not accept. Immutable.
 *
 * @param index  position of the record in the request (0-based)
 * @param symbol the record's symbol as sent ({@code null} when absent)
 * @param reason why
 * @param detail a sentence naming the field and the allowed range
 */
public record RejectedRecord(int index, String symbol, Rejection reason, String detail) {
}
