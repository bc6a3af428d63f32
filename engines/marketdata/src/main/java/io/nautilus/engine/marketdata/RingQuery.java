package io.nautilus.engine.marketdata;

import io.nautilus.engine.marketdata.pipeline.MarketDataPipeline;

import java.util.function.Function;

/**
 * A read of the pipeline's state run on the engine's ring thread (HTTP handlers send it with a bus request on
 * {@link #TOPIC} and get a {@link Answer}); it must capture only immutable values and return an immutable or
 * freshly built value.
 */
@FunctionalInterface
interface RingQuery extends Function<MarketDataPipeline, Object> {
    /** Engine-internal request topic. */
    String TOPIC = "_local.marketdata.query";

    /** The value a query returned ({@code null} allowed). */
    record Answer(Object value) {
    }
}
