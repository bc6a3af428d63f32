package io.nautilus.engine.marketdata.csv;

import io.nautilus.engine.marketdata.tick.ParsedBatch;
import io.nautilus.engine.marketdata.tick.RejectedRecord;
import io.nautilus.engine.marketdata.tick.Rejection;
import io.nautilus.engine.marketdata.tick.TickBatch;
import io.nautilus.engine.marketdata.tick.Timestamps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads market data CSV (comma-separated, first line a header, names case-insensitive) into batches. The layout
 * is recognized from the header:
 * <ul>
 *   <li><b>bars</b>: {@code open, high, low, close} and a time column ({@code date}, {@code timestamp},
 *       {@code time} or {@code t}), optionally {@code volume} and {@code symbol} (else the default symbol). Each
 *       row becomes four records with {@link BarDecomposer}, spanning {@code barNanos};</li>
 *   <li><b>ticks</b>: a time column, {@code symbol}, {@code type} ({@code quote}, or {@code trade}/{@code tick}),
 *       and {@code bid, ask, bid_size, ask_size} for quotes or {@code price, size} for trades;</li>
 *   <li><b>closes</b>: a time column and one column of prices per symbol (the header names the symbols, as
 *       {@code t,dax,smi,cac,ftse}): each price becomes a locked quote (bid = ask).</li>
 * </ul>
 * Symbols are upper-cased. Times are normalized by {@link Timestamps}. Row numbers (0 = first data row) index
 * rejections. Not thread-safe.
 */
public final class CsvTickReader {
    private final String source;
    private final String defaultSymbol;
    private final long barNanos;
    private final int batchSize;

    /**
     * @param source        source name for the records
     * @param defaultSymbol symbol for bar files without a symbol column ({@code null} if none)
     * @param barNanos      span of one bar row
     * @param batchSize     records per emitted batch, &gt;= 4
     */
    public CsvTickReader(String source, String defaultSymbol, long barNanos, int batchSize) {
        if (batchSize < 4) {
            throw new IllegalArgumentException("batchSize must be >= 4, got " + batchSize);
        }
        this.source = source;
        this.defaultSymbol = defaultSymbol == null ? null : defaultSymbol.trim().toUpperCase(Locale.ROOT);
        this.barNanos = barNanos;
        this.batchSize = batchSize;
    }

    /** Reads everything, handing each batch to {@code sink}; returns the number of data rows. */
    public int read(BufferedReader in, Consumer<ParsedBatch> sink) {
        try {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException("CSV is empty: a header line is required");
            }
            Map<String, Integer> cols = columns(header);
            Layout layout = layout(cols, header);
            var out = new TickBatch.Builder(batchSize);
            var rejected = new ArrayList<RejectedRecord>();
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                String problem = layout.read(f, row, out);
                if (problem != null) {
                    rejected.add(new RejectedRecord(row, layout.symbolOf(f), reasonOf(problem), problem));
                }
                row++;
                if (out.size() >= batchSize) {
                    sink.accept(new ParsedBatch(out.build(), rejected));
                    rejected.clear();
                }
            }
            if (out.size() > 0 || !rejected.isEmpty()) {
                sink.accept(new ParsedBatch(out.build(), rejected));
            }
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rejection reasonOf(String problem) {
        if (problem.startsWith("timestamp")) {
            return Rejection.BAD_TIMESTAMP;
        }
        if (problem.startsWith("inconsistent")) {
            return Rejection.INCONSISTENT_BAR;
        }
        if (problem.startsWith("type")) {
            return Rejection.UNSUPPORTED_TYPE;
        }
        return Rejection.MALFORMED;
    }

    private static Map<String, Integer> columns(String header) {
        var cols = new HashMap<String, Integer>();
        String[] h = header.split(",", -1);
        for (int i = 0; i < h.length; i++) {
            cols.put(h[i].trim().replace("\"", "").toLowerCase(Locale.ROOT), i);
        }
        return cols;
    }

    private static Integer timeColumn(Map<String, Integer> cols) {
        for (String name : List.of("timestamp", "date", "time", "t", "datetime")) {
            if (cols.containsKey(name)) {
                return cols.get(name);
            }
        }
        return null;
    }

    private Layout layout(Map<String, Integer> cols, String header) {
        Integer time = timeColumn(cols);
        if (time == null) {
            throw new IllegalArgumentException("CSV header needs a time column (timestamp, date, time or t), got '"
                    + header + "'");
        }
        Integer sym = cols.get("symbol");
        if (cols.keySet().containsAll(List.of("open", "high", "low", "close"))) {
            if (sym == null && defaultSymbol == null) {
                throw new IllegalArgumentException("a bar CSV without a symbol column needs a symbol parameter");
            }
            return new BarLayout(time, sym, cols.get("open"), cols.get("high"), cols.get("low"), cols.get("close"),
                    cols.get("volume"));
        }
        if (sym != null && cols.containsKey("type")) {
            return new TickLayout(time, sym, cols);
        }
        var symbolCols = new ArrayList<Integer>();
        var names = new ArrayList<String>();
        var byIndex = new java.util.TreeMap<Integer, String>();
        cols.forEach((name, idx) -> byIndex.put(idx, name));
        byIndex.forEach((idx, name) -> {
            if (!idx.equals(time)) {
                symbolCols.add(idx);
                names.add(name.toUpperCase(Locale.ROOT));
            }
        });
        if (symbolCols.isEmpty()) {
            throw new IllegalArgumentException("CSV header has no price columns: '" + header + "'");
        }
        return new ClosesLayout(time, symbolCols.stream().mapToInt(Integer::intValue).toArray(), names.toArray(new String[0]));
    }

    private abstract static class Layout {
        final int time;

        Layout(int time) {
            this.time = time;
        }

        /** Appends the row's records; returns a problem sentence when the row is unreadable. */
        abstract String read(String[] f, int row, TickBatch.Builder out);

        String symbolOf(String[] f) {
            return null;
        }

        long ts(String[] f) {
            return time < f.length ? Timestamps.parse(f[time]) : -1;
        }
    }

    static double num(String[] f, Integer col) {
        if (col == null || col >= f.length || f[col].isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(f[col].trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private final class BarLayout extends Layout {
        final Integer sym;
        final int open;
        final int high;
        final int low;
        final int close;
        final Integer volume;

        BarLayout(int time, Integer sym, int open, int high, int low, int close, Integer volume) {
            super(time);
            this.sym = sym;
            this.open = open;
            this.high = high;
            this.low = low;
            this.close = close;
            this.volume = volume;
        }

        @Override
        String symbolOf(String[] f) {
            return sym != null && sym < f.length ? f[sym].trim().toUpperCase(Locale.ROOT) : defaultSymbol;
        }

        @Override
        String read(String[] f, int row, TickBatch.Builder out) {
            long ts = ts(f);
            if (ts <= 0) {
                return "timestamp is missing or not a date, date-time or epoch number";
            }
            double o = num(f, open);
            double h = num(f, high);
            double l = num(f, low);
            double c = num(f, close);
            double v = volume == null ? 0 : num(f, volume);
            if (!(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c) && Double.isFinite(v))) {
                return "open, high, low, close and volume must be numbers";
            }
            if (h < Math.max(o, c) || l > Math.min(o, c) || v < 0) {
                return "inconsistent bar: need low <= open, close <= high and volume >= 0, got open " + o + " high " + h
                        + " low " + l + " close " + c + " volume " + v;
            }
            BarDecomposer.decompose(source, symbolOf(f), ts, barNanos, o, h, l, c, v, row, out);
            return null;
        }
    }

    private final class TickLayout extends Layout {
        final int sym;
        final int type;
        final Integer bid;
        final Integer ask;
        final Integer bidSize;
        final Integer askSize;
        final Integer price;
        final Integer size;

        TickLayout(int time, int sym, Map<String, Integer> cols) {
            super(time);
            this.sym = sym;
            this.type = cols.get("type");
            this.bid = cols.get("bid");
            this.ask = cols.get("ask");
            this.bidSize = cols.get("bid_size");
            this.askSize = cols.get("ask_size");
            this.price = cols.get("price");
            this.size = cols.containsKey("size") ? cols.get("size") : cols.get("volume");
        }

        @Override
        String symbolOf(String[] f) {
            return sym < f.length ? f[sym].trim().toUpperCase(Locale.ROOT) : null;
        }

        @Override
        String read(String[] f, int row, TickBatch.Builder out) {
            long ts = ts(f);
            if (ts <= 0) {
                return "timestamp is missing or not a date, date-time or epoch number";
            }
            String t = type < f.length ? f[type].trim().toLowerCase(Locale.ROOT) : "";
            switch (t) {
                case "quote" -> out.quote(source, symbolOf(f), num(f, bid), num(f, ask), zeroIfBlank(f, bidSize),
                        zeroIfBlank(f, askSize), ts, row);
                case "trade", "tick" -> out.trade(source, symbolOf(f), num(f, price), num(f, size), ts, row);
                default -> {
                    return "type must be quote, trade or tick, got '" + t + "'";
                }
            }
            return null;
        }

        private double zeroIfBlank(String[] f, Integer col) {
            return col == null || col >= f.length || f[col].isBlank() ? 0 : num(f, col);
        }
    }

    private final class ClosesLayout extends Layout {
        final int[] cols;
        final String[] symbols;

        ClosesLayout(int time, int[] cols, String[] symbols) {
            super(time);
            this.cols = cols;
            this.symbols = symbols;
        }

        @Override
        String read(String[] f, int row, TickBatch.Builder out) {
            long ts = ts(f);
            if (ts <= 0) {
                return "timestamp is missing or not a date, date-time or epoch number";
            }
            for (int k = 0; k < cols.length; k++) {
                double p = num(f, cols[k]);
                out.quote(source, symbols[k], p, p, 0, 0, ts, row);
            }
            return null;
        }
    }
}
