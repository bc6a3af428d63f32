package io.nautilus.engine.marketdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.marketdata.csv.BarDecomposer;
import io.nautilus.engine.marketdata.tick.ParsedBatch;
import io.nautilus.engine.marketdata.tick.RejectedRecord;
import io.nautilus.engine.marketdata.tick.Rejection;
import io.nautilus.engine.marketdata.tick.TickBatch;
import io.nautilus.engine.marketdata.tick.Timestamps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Streams the seed ingest body {@code {"data":[{symbol, data_type, source, timestamp, data:{...}}, ...]}} (or a
 * bare array of such records) into a {@link ParsedBatch}, normalizing as it goes: symbols trimmed and upper-cased;
 * {@code data_type} {@code quote}, {@code trade} or {@code tick} (a trade), or {@code bar} (expanded by
 * {@link BarDecomposer}); fields may sit in the nested {@code data} object or beside the envelope fields; numbers
 * may be JSON numbers or numeric strings; {@code size} may be called {@code volume} or {@code quantity}; quote
 * sizes default to 0; the source defaults to {@code http}; timestamps by {@link Timestamps}. A record that
 * cannot be read is rejected with its index; malformed JSON fails the whole body
 * ({@link com.fasterxml.jackson.core.JsonProcessingException}). Stateless and thread-safe.
 */
public final class IngestJsonParser {
    /** Largest number of records in one request. */
    public static final int MAX_RECORDS = 100_000;
    /** Streaming parsers only (no data binding): no HTTP mapper needed. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private IngestJsonParser() {
    }

    /** One record's fields while it is read. */
    private static final class Rec {
        String symbol;
        String type;
        String source;
        String time;
        long epoch = -1;
        double bid = Double.NaN;
        double ask = Double.NaN;
        double bidSize = Double.NaN;
        double askSize = Double.NaN;
        double price = Double.NaN;
        double size = Double.NaN;
        double open = Double.NaN;
        double high = Double.NaN;
        double low = Double.NaN;
        double close = Double.NaN;
        String interval;
        /** Bits of the numeric fields present (even if not finite): a missing field is malformed, NaN is not. */
        int present;

        boolean has(int bit) {
            return (present & bit) != 0;
        }
    }

    private static final int BID = 1;
    private static final int ASK = 2;
    private static final int PRICE = 4;
    private static final int SIZE = 8;

    /** Parses a body, checking only the form of source names (no reservation, no cap). */
    public static ParsedBatch parse(byte[] body) throws IOException {
        return parse(body, null);
    }

    /**
     * Parses a body; a record whose source {@code sources} refuses is rejected ({@code malformed}, the detail says
     * why).
     */
    static ParsedBatch parse(byte[] body, HttpSources sources) throws IOException {
        var out = new TickBatch.Builder(1024);
        var rejected = new ArrayList<RejectedRecord>();
        try (JsonParser p = JSON.createParser(body)) {
            p.enable(JsonParser.Feature.USE_FAST_DOUBLE_PARSER);
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("data".equals(name) && v == JsonToken.START_ARRAY) {
                        records(p, out, rejected, sources);
                        found = true;
                    } else {
                        p.skipChildren();
                    }
                }
                if (!found) {
                    throw new IllegalArgumentException("data: is required (an array of records)");
                }
            } else if (t == JsonToken.START_ARRAY) {
                records(p, out, rejected, sources);
            } else {
                throw new IllegalArgumentException("body must be {\"data\": [records]} or an array of records");
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("body has content after the JSON value");
            }
        }
        return new ParsedBatch(out.build(), rejected);
    }

    private static void records(JsonParser p, TickBatch.Builder out, ArrayList<RejectedRecord> rejected,
                                HttpSources sources) throws IOException {
        int index = 0;
        String[] lastSource = {null}; // the last valid source name: records of one batch mostly share it
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (index >= MAX_RECORDS) {
                throw new IllegalArgumentException("data: at most " + MAX_RECORDS + " records per request");
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                rejected.add(new RejectedRecord(index, null, Rejection.MALFORMED, "record must be a JSON object"));
            } else {
                var r = new Rec();
                fields(p, r, true);
                String problem = emit(r, index, out, lastSource, sources);
                if (problem != null) {
                    rejected.add(new RejectedRecord(index, r.symbol, reasonOf(problem), problem));
                }
            }
            index++;
        }
    }

    private static void fields(JsonParser p, Rec r, boolean envelope) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "data" -> {
                    if (envelope && v == JsonToken.START_OBJECT) {
                        fields(p, r, false);
                    } else {
                        p.skipChildren();
                    }
                }
                case "symbol" -> r.symbol = text(p, v);
                case "data_type", "type" -> r.type = text(p, v);
                case "source" -> r.source = text(p, v);
                case "interval" -> r.interval = text(p, v);
                case "timestamp", "time", "ts" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG) {
                        r.epoch = p.getLongValue(); // the common case: integral epoch, no text round trip
                        r.time = null;
                    } else {
                        r.time = text(p, v);
                    }
                }
                case "bid" -> {
                    r.bid = number(p, v);
                    r.present |= BID;
                }
                case "ask" -> {
                    r.ask = number(p, v);
                    r.present |= ASK;
                }
                case "bid_size" -> r.bidSize = number(p, v);
                case "ask_size" -> r.askSize = number(p, v);
                case "price", "last" -> {
                    r.price = number(p, v);
                    r.present |= PRICE;
                }
                case "size", "volume", "quantity" -> {
                    r.size = number(p, v);
                    r.present |= SIZE;
                }
                case "open" -> r.open = number(p, v);
                case "high" -> r.high = number(p, v);
                case "low" -> r.low = number(p, v);
                case "close" -> r.close = number(p, v);
                default -> p.skipChildren();
            }
        }
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A number, a numeric string, or NaN for anything else (the validator rejects non-finite values). */
    private static double number(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (v == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(p.getText().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        p.skipChildren();
        return Double.NaN;
    }

    private static String message(HttpSources.Refusal refusal) {
        return refusal == null ? null : refusal.message();
    }

    private static Rejection reasonOf(String problem) {
        if (problem.startsWith("timestamp")) {
            return Rejection.BAD_TIMESTAMP;
        }
        if (problem.startsWith("data_type")) {
            return Rejection.UNSUPPORTED_TYPE;
        }
        if (problem.startsWith("inconsistent")) {
            return Rejection.INCONSISTENT_BAR;
        }
        return Rejection.MALFORMED;
    }

    /** Appends the record's ticks; returns a problem sentence when the record cannot be read. */
    private static String emit(Rec r, int index, TickBatch.Builder out, String[] lastSource, HttpSources sources) {
        if (r.symbol == null || r.symbol.isBlank()) {
            return "symbol is required";
        }
        String symbol = r.symbol.trim().toUpperCase(Locale.ROOT);
        r.symbol = symbol;
        String source = r.source == null || r.source.isBlank() ? HttpSources.DEFAULT_SOURCE : r.source.trim();
        if (source.equals(lastSource[0])) {
            source = lastSource[0]; // one instance per batch: the pipeline resolves sources by identity first
        } else {
            String problem = sources == null ? HttpSources.formatProblem(source) : message(sources.admit(source));
            if (problem != null) {
                return problem;
            }
            lastSource[0] = source;
        }
        long ts = r.time == null && r.epoch > 0 ? Timestamps.fromEpoch(r.epoch) : Timestamps.parse(r.time);
        if (ts <= 0) {
            return "timestamp is required: ISO-8601 or epoch seconds/ms/us/ns after 1970, got '"
                    + (r.time == null && r.epoch != -1 ? Long.toString(r.epoch) : r.time) + "'";
        }
        String type = r.type == null ? inferType(r) : r.type.trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "quote" -> {
                if (!r.has(BID) || !r.has(ASK)) {
                    return "bid and ask are required numbers for a quote";
                }
                out.quote(source, symbol, r.bid, r.ask, Double.isNaN(r.bidSize) ? 0 : r.bidSize,
                        Double.isNaN(r.askSize) ? 0 : r.askSize, ts, index);
            }
            case "trade", "tick" -> {
                if (!r.has(PRICE) || !r.has(SIZE)) {
                    return "price and size are required numbers for a " + type;
                }
                out.trade(source, symbol, r.price, r.size, ts, index);
            }
            case "bar" -> {
                return bar(r, source, symbol, ts, index, out);
            }
            default -> {
                return "data_type must be quote, trade, tick or bar, got '" + r.type + "'";
            }
        }
        return null;
    }

    private static String bar(Rec r, String source, String symbol, long ts, int index, TickBatch.Builder out) {
        double o = r.open;
        double h = r.high;
        double l = r.low;
        double c = r.close;
        double v = r.has(SIZE) ? r.size : 0;
        if (!(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c) && Double.isFinite(v))) {
            return "open, high, low, close (and volume, if given) must be finite numbers for a bar";
        }
        if (h < Math.max(o, c) || l > Math.min(o, c) || v < 0) {
            return "inconsistent bar: need low <= open, close <= high and volume >= 0, got open " + o + " high " + h
                    + " low " + l + " close " + c + " volume " + v;
        }
        BarInterval span;
        try {
            span = r.interval == null ? BarInterval.DAILY : BarInterval.parse(r.interval);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        BarDecomposer.decompose(source, symbol, ts, span.nanos(), o, h, l, c, v, index, out);
        return null;
    }

    private static String inferType(Rec r) {
        if (r.has(BID) || r.has(ASK)) {
            return "quote";
        }
        if (!Double.isNaN(r.open) || !Double.isNaN(r.close)) {
            return "bar";
        }
        return "trade";
    }
}
