package io.nautilus.engine.marketdata.pipeline;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.engine.marketdata.bar.BarAggregator;
import io.nautilus.core.model.BarInterval;

import java.util.Arrays;
import java.util.List;

/**
 * Everything the pipeline keeps about one symbol: precomputed topics, the source arbiter, per-source ordering,
 * the duplicate filter, one bar aggregator per interval, and the histories. Mutated on the ring thread only;
 * {@link #lastQuote()} and {@link #lastTrade()} (the last-value cache) may be read from any thread.
 */
public final class SymbolState {
    final String symbol;
    final String quoteTopic;
    final String tradeTopic;
    final String alertTopic;
    final String[] barTopics;
    final BarAggregator[] aggregators;
    final SourceArbiter arbiter;
    final DuplicateFilter duplicates;
    final History<Quote> quotes;
    final History<Trade> trades;
    final History<Bar>[] bars;
    long[] lastTsBySource = new long[4];
    boolean tradesSeen;
    boolean lastLive;
    long lastLiveTs;
    long quoteCount;
    long tradeCount;
    long lastArrivalNanos;
    private volatile Quote lastQuote;
    private volatile Trade lastTrade;

    @SuppressWarnings("unchecked")
    SymbolState(String symbol, PipelineSettings settings, SourceRegistry registry, SourceArbiter.Listener listener) {
        this.symbol = symbol;
        this.quoteTopic = Topics.quote(symbol);
        this.tradeTopic = Topics.trade(symbol);
        this.alertTopic = Topics.alert(symbol);
        List<BarInterval> intervals = settings.intervals();
        this.barTopics = new String[intervals.size()];
        this.aggregators = new BarAggregator[intervals.size()];
        this.bars = new History[intervals.size()];
        for (int k = 0; k < intervals.size(); k++) {
            BarInterval iv = intervals.get(k);
            barTopics[k] = Topics.bar(iv.label(), symbol);
            aggregators[k] = new BarAggregator(symbol, iv);
            bars[k] = new History<>(iv.nanos() >= BarInterval.DAILY.nanos() ? settings.dailyDepth() : settings.historyDepth());
        }
        this.arbiter = new SourceArbiter(registry, settings.staleNanos(), listener);
        this.duplicates = new DuplicateFilter(settings.dedupWindow());
        this.quotes = new History<>(settings.historyDepth());
        this.trades = new History<>(settings.historyDepth());
        Arrays.fill(lastTsBySource, Long.MIN_VALUE);
    }

    public String symbol() {
        return symbol;
    }

    /** The last accepted quote, or {@code null}. Any thread. */
    public Quote lastQuote() {
        return lastQuote;
    }

    /** The last accepted trade, or {@code null}. Any thread. */
    public Trade lastTrade() {
        return lastTrade;
    }

    void lastQuote(Quote q) {
        lastQuote = q;
    }

    void lastTrade(Trade t) {
        lastTrade = t;
    }

    long lastTs(int source) {
        return source < lastTsBySource.length ? lastTsBySource[source] : Long.MIN_VALUE;
    }

    void lastTs(int source, long ts) {
        if (source >= lastTsBySource.length) {
            int old = lastTsBySource.length;
            lastTsBySource = Arrays.copyOf(lastTsBySource, Math.max(source + 1, old * 2));
            Arrays.fill(lastTsBySource, old, lastTsBySource.length, Long.MIN_VALUE);
        }
        lastTsBySource[source] = ts;
    }
}
