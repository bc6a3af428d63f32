package io.nautilus.engine.marketdata.tick;

import java.util.Arrays;

/**
 * A batch of raw market data records (quotes and trades) in struct-of-arrays form, as a source hands them to the
 * engine: one object per batch instead of one per record. Record {@code i} is a quote ({@link #isQuote(int)}) with
 * bid, ask, bid size and ask size, or a trade with price and size. Prices in the instrument's currency, sizes in
 * units, event time in epoch nanoseconds. {@link #index(int)} is the record's position in the client's request,
 * so rejections can name it even when the parser already dropped other records.
 *
 * <p>Nothing is validated here: the pipeline validates each record and reports rejections. Built by
 * {@link Builder}; immutable once built (the builder gives up its arrays) and thread-safe.
 */
public final class TickBatch {
    static final byte QUOTE = 0;
    static final byte TRADE = 1;

    private final int size;
    private final byte[] kind;
    private final String[] source;
    private final String[] symbol;
    private final double[] a;
    private final double[] b;
    private final double[] c;
    private final double[] d;
    private final long[] ts;
    private final int[] index;
    private final String finishedSource;
    private final long handoffNanos;

    private TickBatch(Builder bld, String finishedSource, long handoffNanos) {
        this.size = bld.size;
        this.kind = bld.kind;
        this.source = bld.source;
        this.symbol = bld.symbol;
        this.a = bld.a;
        this.b = bld.b;
        this.c = bld.c;
        this.d = bld.d;
        this.ts = bld.ts;
        this.index = bld.index;
        this.finishedSource = finishedSource;
        this.handoffNanos = handoffNanos;
    }

    /** Number of records. */
    public int size() {
        return size;
    }

    public boolean isQuote(int i) {
        return kind[i] == QUOTE;
    }

    public String source(int i) {
        return source[i];
    }

    public String symbol(int i) {
        return symbol[i];
    }

    /** Bid of a quote. */
    public double bid(int i) {
        return a[i];
    }

    /** Ask of a quote. */
    public double ask(int i) {
        return b[i];
    }

    /** Bid size of a quote. */
    public double bidSize(int i) {
        return c[i];
    }

    /** Ask size of a quote. */
    public double askSize(int i) {
        return d[i];
    }

    /** Price of a trade. */
    public double price(int i) {
        return a[i];
    }

    /** Size of a trade. */
    public double tradeSize(int i) {
        return c[i];
    }

    /** Event time, epoch nanoseconds. */
    public long tsNanos(int i) {
        return ts[i];
    }

    /** The record's position in the client's request (or in the source's stream for internal sources). */
    public int index(int i) {
        return index[i];
    }

    /**
     * The source that has nothing more to send after this batch (its open bars may be closed), or {@code null}
     * for an ordinary batch.
     */
    public String finishedSource() {
        return finishedSource;
    }

    /** {@link System#nanoTime()} when the source handed the batch over, for ingest-to-publish latency. */
    public long handoffNanos() {
        return handoffNanos;
    }

    /** Accumulates records; {@link #build} hands its arrays to the batch and starts afresh. Not thread-safe. */
    public static final class Builder {
        private int size;
        private byte[] kind;
        private String[] source;
        private String[] symbol;
        private double[] a;
        private double[] b;
        private double[] c;
        private double[] d;
        private long[] ts;
        private int[] index;
        private final int initialCapacity;

        public Builder(int initialCapacity) {
            if (initialCapacity < 1) {
                throw new IllegalArgumentException("initialCapacity must be >= 1, got " + initialCapacity);
            }
            this.initialCapacity = initialCapacity;
            allocate(initialCapacity);
        }

        private void allocate(int n) {
            size = 0;
            kind = new byte[n];
            source = new String[n];
            symbol = new String[n];
            a = new double[n];
            b = new double[n];
            c = new double[n];
            d = new double[n];
            ts = new long[n];
            index = new int[n];
        }

        private void grow() {
            int n = kind.length * 2;
            kind = Arrays.copyOf(kind, n);
            source = Arrays.copyOf(source, n);
            symbol = Arrays.copyOf(symbol, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            c = Arrays.copyOf(c, n);
            d = Arrays.copyOf(d, n);
            ts = Arrays.copyOf(ts, n);
            index = Arrays.copyOf(index, n);
        }

        private int next(byte k, String src, String sym, long tsNanos, int idx) {
            if (size == kind.length) {
                grow();
            }
            int i = size++;
            kind[i] = k;
            source[i] = src;
            symbol[i] = sym;
            ts[i] = tsNanos;
            index[i] = idx;
            return i;
        }

        /** Adds a quote. */
        public Builder quote(String src, String sym, double bid, double ask, double bidSize, double askSize,
                             long tsNanos, int idx) {
            int i = next(QUOTE, src, sym, tsNanos, idx);
            a[i] = bid;
            b[i] = ask;
            c[i] = bidSize;
            d[i] = askSize;
            return this;
        }

        /** Adds a trade. */
        public Builder trade(String src, String sym, double price, double size, long tsNanos, int idx) {
            int i = next(TRADE, src, sym, tsNanos, idx);
            a[i] = price;
            b[i] = 0;
            c[i] = size;
            d[i] = 0;
            return this;
        }

        /** Records added since the last build. */
        public int size() {
            return size;
        }

        /** The batch of the records added so far; the builder is then empty. */
        public TickBatch build() {
            return build(null);
        }

        /** As {@link #build()}, marking that {@code finishedSource} has finished (the last batch of a replay). */
        public TickBatch buildFinal(String finishedSource) {
            if (finishedSource == null || finishedSource.isBlank()) {
                throw new IllegalArgumentException("finishedSource must not be blank");
            }
            return build(finishedSource);
        }

        private TickBatch build(String finishedSource) {
            var batch = new TickBatch(this, finishedSource, System.nanoTime());
            allocate(initialCapacity);
            return batch;
        }
    }
}
