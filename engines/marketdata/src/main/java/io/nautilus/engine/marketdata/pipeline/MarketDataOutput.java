package io.nautilus.engine.marketdata.pipeline;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Trade;

/**
 * Where the pipeline sends what it accepted and built: the engine publishes on the bus (and persists daily bars);
 * tests and benchmarks collect or count. Called on the pipeline's thread only. Topics are precomputed per symbol
 * with {@link io.nautilus.core.model.Topics}.
 */
public interface MarketDataOutput {
    void quote(String topic, Quote quote);

    void trade(String topic, Trade trade);

    void bar(String topic, Bar bar);

    void alert(String topic, MarketDataAlert alert);
}
