package io.nautilus.engine.marketdata.pipeline;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Trade;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything the pipeline outputs, with topics, for assertions. */
public final class CollectingOutput implements MarketDataOutput {
    public final List<Quote> quotes = new ArrayList<>();
    public final List<Trade> trades = new ArrayList<>();
    public final List<Bar> bars = new ArrayList<>();
    public final List<MarketDataAlert> alerts = new ArrayList<>();
    public final List<String> topics = new ArrayList<>();

    @Override
    public void quote(String topic, Quote quote) {
        topics.add(topic);
        quotes.add(quote);
    }

    @Override
    public void trade(String topic, Trade trade) {
        topics.add(topic);
        trades.add(trade);
    }

    @Override
    public void bar(String topic, Bar bar) {
        topics.add(topic);
        bars.add(bar);
    }

    @Override
    public void alert(String topic, MarketDataAlert alert) {
        topics.add(topic);
        alerts.add(alert);
    }

    /** Bars of one interval, in publication order. */
    public List<Bar> bars(String interval) {
        return bars.stream().filter(b -> b.interval().equals(interval)).toList();
    }
}
