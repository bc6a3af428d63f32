package io.nautilus.engine.marketdata;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.Trade;
import io.nautilus.engine.marketdata.bar.BarInterval;
import io.nautilus.engine.marketdata.pipeline.MarketDataOutput;

/**
 * Publishes the pipeline's output on the bus and sends daily bars to the store. Alerts go out at HIGH priority.
 * Called on the ring thread.
 */
final class BusOutput implements MarketDataOutput {
    private final MessageBus bus;
    private final DailyBarStore daily;

    BusOutput(MessageBus bus, DailyBarStore daily) {
        this.bus = bus;
        this.daily = daily;
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
            daily.enqueue(bar);
        }
        bus.publish(topic, bar);
    }

    @Override
    public void alert(String topic, MarketDataAlert alert) {
        bus.publish(topic, alert, io.nautilus.core.bus.Priority.HIGH);
    }
}
