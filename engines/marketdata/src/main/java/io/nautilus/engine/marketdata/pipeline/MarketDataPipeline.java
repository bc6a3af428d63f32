package io.nautilus.engine.marketdata.pipeline;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Trade;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.marketdata.bar.BarAggregator;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.marketdata.tick.IngestOutcome;
import io.nautilus.engine.marketdata.tick.RejectedRecord;
import io.nautilus.engine.marketdata.tick.Rejection;
import io.nautilus.engine.marketdata.tick.TickBatch;
import io.nautilus.engine.marketdata.tick.TickValidator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market data pipeline: validates each record of a {@link TickBatch}, drops duplicates, enforces per-source
 * order, arbitrates between sources, keeps the last-value cache and histories, aggregates bars and hands quotes,
 * trades, bars and alerts to a {@link MarketDataOutput}.
 *
 * <p>Order of the checks for one record: symbol (well-formed, on the list), fields ({@link TickValidator}),
 * duplicate (a record identical to one accepted recently is skipped, not rejected), order (a record older than the
 * previous one of the same source and symbol is rejected), source arbitration (records of a source on standby are
 * skipped). What passes is accepted: published and kept.
 *
 * <p>Bars come from trades; a symbol that never had a trade gets bars from quote midpoints. A bar closes when a
 * record at or after its end arrives, when a live stream's wall clock passes its end plus the grace time
 * ({@link #housekeeping()}), or when its source finishes. Late records (older than the open bar) are published and
 * kept but not aggregated: published bars are final.
 *
 * <p>Not thread-safe: every method except {@link #state(String)} and {@link #symbols()} runs on one thread (the
 * engine's ring thread). The hot path allocates the published record and nothing else per record.
 */
public final class MarketDataPipeline {
    private final PipelineSettings settings;
    private final TickValidator validator;
    private final SourceRegistry registry;
    private final MarketDataOutput out;
    private final Clock clock;
    private final LatencyMonitor latency;
    private final ConcurrentHashMap<String, SymbolState> symbols = new ConcurrentHashMap<>();
    private final Map<String, Integer> intervalIndex = new HashMap<>();
    private LatencyMonitor.SourceLatency[] latencyBySource = new LatencyMonitor.SourceLatency[4];
    private final long[] rejectedByReason = new long[Rejection.values().length];
    private String lastSymbol;
    private SymbolState lastState;
    private long quotes;
    private long trades;
    private long bars;
    private long alerts;
    private long duplicates;
    private long standby;
    private long late;

    public MarketDataPipeline(PipelineSettings settings, MarketDataOutput out, Clock clock, LatencyMonitor latency) {
        this.settings = settings;
        this.validator = new TickValidator(settings.symbols());
        this.registry = new SourceRegistry(settings.sourcePriority());
        this.out = out;
        this.clock = clock;
        this.latency = latency;
        for (int k = 0; k < settings.intervals().size(); k++) {
            intervalIndex.put(settings.intervals().get(k).label(), k);
        }
    }

    public PipelineSettings settings() {
        return settings;
    }

    /** Validates, arbitrates, publishes and aggregates a batch; says what became of each record. */
    public IngestOutcome process(TickBatch batch) {
        long now = clock.nowNanos();
        int accepted = 0;
        int dup = 0;
        int idle = 0;
        List<RejectedRecord> rejected = null;
        for (int i = 0, n = batch.size(); i < n; i++) {
            String sym = batch.symbol(i);
            SymbolState st = sym == lastSymbol ? lastState : symbols.get(sym == null ? "" : sym);
            Rejection r = null;
            if (st == null) {
                r = validator.checkSymbol(sym);
                if (r == null) {
                    st = create(sym);
                }
            }
            if (r == null) {
                r = validator.checkFields(batch, i);
            }
            int src = registry.id(batch.source(i));
            long ts = batch.tsNanos(i);
            long fp = 0;
            if (r == null) {
                lastSymbol = sym;
                lastState = st;
                fp = DuplicateFilter.fingerprint(batch.isQuote(i), ts, batch.bid(i), batch.ask(i), batch.bidSize(i),
                        batch.askSize(i));
                if (st.duplicates.seen(fp, ts)) {
                    dup++;
                    continue;
                }
                if (ts < st.lastTs(src)) {
                    r = Rejection.OUT_OF_ORDER;
                }
            }
            if (r != null) {
                rejectedByReason[r.ordinal()]++;
                if (rejected == null) {
                    rejected = new ArrayList<>();
                }
                rejected.add(new RejectedRecord(batch.index(i), sym, r, TickValidator.describe(r, batch, i)));
                continue;
            }
            st.lastTs(src, ts);
            if (st.arbiter.offer(src, now) == SourceArbiter.STANDBY) {
                idle++;
                continue;
            }
            st.duplicates.accept(fp, ts);
            apply(st, batch, i, src, ts, now);
            accepted++;
        }
        duplicates += dup;
        standby += idle;
        if (batch.finishedSource() != null) {
            finish(registry.id(batch.finishedSource()));
        }
        return new IngestOutcome(accepted, dup, idle, rejected == null ? List.of() : rejected);
    }

    private void apply(SymbolState st, TickBatch batch, int i, int src, long ts, long now) {
        st.lastArrivalNanos = now;
        LatencyMonitor.SourceLatency lat = latencyOf(src);
        boolean live = Math.abs(now - ts) <= settings.liveWindowNanos();
        if (live) {
            lat.eventToIngest().record(now - ts);
            if (st.lastLive && ts - st.lastLiveTs > settings.gapNanos()) {
                alert(st, MarketDataAlert.Kind.GAP, registry.name(src), "no data for "
                        + (ts - st.lastLiveTs) / 1_000_000 + " ms of event time (gap threshold "
                        + settings.gapNanos() / 1_000_000 + " ms)");
            }
            st.lastLiveTs = Math.max(st.lastLiveTs, ts);
        }
        st.lastLive = live;
        if (batch.isQuote(i)) {
            var q = new Quote(st.symbol, batch.bid(i), batch.ask(i), batch.bidSize(i), batch.askSize(i), ts);
            out.quote(st.quoteTopic, q);
            lat.ingestToPublish().record(System.nanoTime() - batch.handoffNanos());
            st.lastQuote(q);
            st.quotes.add(q);
            st.quoteCount++;
            quotes++;
            if (!st.tradesSeen) {
                aggregate(st, q.mid(), 0, ts);
            }
        } else {
            var t = new Trade(st.symbol, batch.price(i), batch.tradeSize(i), ts);
            out.trade(st.tradeTopic, t);
            lat.ingestToPublish().record(System.nanoTime() - batch.handoffNanos());
            st.lastTrade(t);
            st.trades.add(t);
            st.tradeCount++;
            trades++;
            st.tradesSeen = true;
            aggregate(st, t.price(), t.size(), ts);
        }
    }

    private void aggregate(SymbolState st, double price, double size, long ts) {
        boolean wasLate = false;
        BarAggregator[] aggs = st.aggregators;
        for (int k = 0; k < aggs.length; k++) {
            BarAggregator agg = aggs[k];
            if (agg.closesAt(ts)) {
                emit(st, k, agg.close());
            }
            wasLate |= agg.update(price, size, ts) == BarAggregator.LATE;
        }
        if (wasLate) {
            late++;
        }
    }

    private void emit(SymbolState st, int k, Bar bar) {
        st.bars[k].add(bar);
        bars++;
        out.bar(st.barTopics[k], bar);
    }

    private LatencyMonitor.SourceLatency latencyOf(int src) {
        if (src >= latencyBySource.length) {
            latencyBySource = java.util.Arrays.copyOf(latencyBySource, Math.max(src + 1, latencyBySource.length * 2));
        }
        LatencyMonitor.SourceLatency l = latencyBySource[src];
        if (l == null) {
            l = latency.of(registry.name(src));
            latencyBySource[src] = l;
        }
        return l;
    }

    private void alert(SymbolState st, MarketDataAlert.Kind kind, String source, String message) {
        alerts++;
        out.alert(st.alertTopic, new MarketDataAlert(st.symbol, kind, source, message, clock.nowNanos()));
    }

    private SymbolState create(String sym) {
        var holder = new SymbolState[1];
        var st = new SymbolState(sym, settings, registry, new SourceArbiter.Listener() {
            @Override
            public void stale(int source) {
                alert(holder[0], MarketDataAlert.Kind.STALE, registry.name(source), "no data from "
                        + registry.name(source) + " for more than " + settings.staleNanos() / 1_000_000 + " ms");
            }

            @Override
            public void recovered(int source) {
                alert(holder[0], MarketDataAlert.Kind.RECOVERED, registry.name(source), registry.name(source)
                        + " sends data again");
            }

            @Override
            public void switched(int from, int to, boolean fromStale) {
                alert(holder[0], MarketDataAlert.Kind.FAILOVER, registry.name(to), fromStale
                        ? "failover from stale " + registry.name(from) + " to " + registry.name(to)
                        : "back from " + registry.name(from) + " to higher-priority " + registry.name(to));
            }
        });
        holder[0] = st;
        symbols.put(sym, st);
        return st;
    }

    /**
     * Timer work: marks silent sources stale (failing over where another source is live) and closes the bars of
     * live streams whose end plus the grace time has passed on the wall clock.
     */
    public void housekeeping() {
        long now = clock.nowNanos();
        long watermark = now - settings.graceNanos();
        for (SymbolState st : symbols.values()) {
            st.arbiter.check(now);
            if (st.lastLive) {
                closeBars(st, watermark);
            }
        }
    }

    private void finish(int source) {
        for (SymbolState st : symbols.values()) {
            if (st.arbiter.active() == source) {
                closeBars(st, Long.MAX_VALUE);
            }
        }
    }

    private void closeBars(SymbolState st, long watermark) {
        BarAggregator[] aggs = st.aggregators;
        for (int k = 0; k < aggs.length; k++) {
            if (aggs[k].isOpen() && aggs[k].openEnd() <= watermark) {
                emit(st, k, aggs[k].close());
            }
        }
    }

    /** Puts bars loaded from the store into a symbol's history (at start, oldest first). */
    public void restoreBars(String symbol, String interval, List<Bar> restored) {
        Integer k = intervalIndex.get(interval);
        if (k == null || restored.isEmpty()) {
            return;
        }
        SymbolState st = symbols.get(symbol);
        if (st == null) {
            st = create(symbol);
        }
        for (Bar b : restored) {
            st.bars[k].add(b);
        }
    }

    /** Completed bars of a symbol in {@code [from, to)}, the most recent {@code limit}. */
    public BarHistory barHistory(BarHistoryRequest q) {
        int k = interval(q.interval());
        SymbolState st = symbols.get(q.symbol());
        if (st == null) {
            return new BarHistory(q.symbol(), q.interval(), List.of());
        }
        return new BarHistory(q.symbol(), q.interval(),
                st.bars[k].between(q.fromNanos(), q.toNanos(), q.limit(), Bar::startNanos));
    }

    /** The open (not yet closed) bar of a symbol and interval, or {@code null}. */
    public Bar openBar(String symbol, String interval) {
        int k = interval(interval);
        SymbolState st = symbols.get(symbol);
        return st == null ? null : st.aggregators[k].current();
    }

    private int interval(String label) {
        Integer k = intervalIndex.get(label);
        if (k == null) {
            throw new IllegalArgumentException("interval must be one of " + intervalIndex.keySet() + ", got '" + label + "'");
        }
        return k;
    }

    /** The most recent quotes of a symbol, oldest first. */
    public List<Quote> quotes(String symbol, int limit) {
        SymbolState st = symbols.get(symbol);
        return st == null ? List.of() : st.quotes.last(limit);
    }

    /** The most recent trades of a symbol, oldest first. */
    public List<Trade> trades(String symbol, int limit) {
        SymbolState st = symbols.get(symbol);
        return st == null ? List.of() : st.trades.last(limit);
    }

    /** Name of the source feeding a symbol, or {@code null}. */
    public String activeSource(String symbol) {
        SymbolState st = symbols.get(symbol);
        return st == null || st.arbiter.active() < 0 ? null : registry.name(st.arbiter.active());
    }

    /**
     * Arrival (wall-clock) time of the last valid record of {@code source} for {@code symbol}, or -1 when that source
     * never sent one for it. Ring thread.
     */
    public long lastArrivalNanos(String symbol, String source) {
        SymbolState st = symbols.get(symbol);
        int id = registry.find(source);
        return st == null || id < 0 ? -1 : st.arbiter.lastArrival(id);
    }

    /** True when {@code source} sent a valid record for {@code symbol} within the stale time. Ring thread. */
    public boolean receiving(String symbol, String source) {
        long last = lastArrivalNanos(symbol, source);
        return last >= 0 && clock.nowNanos() - last <= settings.staleNanos();
    }

    /** The state of a symbol (for the last-value cache), or {@code null}. Any thread. */
    public SymbolState state(String symbol) {
        return symbols.get(symbol);
    }

    /** Symbols known so far. Any thread. */
    public java.util.Set<String> symbols() {
        return java.util.Set.copyOf(symbols.keySet());
    }

    /** Counters so far. */
    public PipelineStats stats() {
        var rej = new TreeMap<String, Long>();
        for (Rejection r : Rejection.values()) {
            if (rejectedByReason[r.ordinal()] > 0) {
                rej.put(r.code(), rejectedByReason[r.ordinal()]);
            }
        }
        return new PipelineStats(quotes, trades, bars, alerts, duplicates, standby, late, rej, symbols.size(),
                registry.size());
    }

    /** The configured intervals by label. */
    public List<BarInterval> intervals() {
        return settings.intervals();
    }
}
