package io.nautilus.engine.marketdata;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Trade;
import io.nautilus.core.model.BarInterval;
import io.nautilus.engine.marketdata.pipeline.MarketDataOutput;

import java.util.function.Consumer;

/**
 * Publishes the pipeline's output on the bus (alerts at HIGH priority, the rest at NORMAL) and hands daily bars to
 * a sink (the engine's {@link DailyBarStore}). Called on the pipeline's thread.
 */
public final class BusOutput implements MarketDataOutput {
    private final MessageBus bus;
    private final Consumer<Bar> dailyBars;

    /**
     * @param bus       where to publish
     * @param dailyBars receives every completed daily bar (before it is published)
     */
    public BusOutput(MessageBus bus, Consumer<Bar> dailyBars) {
        this.bus = bus;
        this.dailyBars = dailyBars;
    }

    @Override
    public void quote(String topic, Quote quote) {
        bus.publish(topic, quote);
    }

    @Override
    public void trade(String topic, Trade trade) {
        bus.publish(topic, trade);
    }

    @Override
    public void bar(String topic, Bar bar) {
        if (bar.interval().equals(BarInterval.DAILY.label())) {
            dailyBars.accept(bar);
        }
        bus.publish(topic, bar);
    }

    @Override
    public void alert(String topic, MarketDataAlert alert) {
        bus.publish(topic, alert, io.nautilus.core.bus.Priority.HIGH);
    }
}
