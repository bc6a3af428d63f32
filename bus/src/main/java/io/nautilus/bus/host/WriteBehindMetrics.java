package io.nautilus.bus.host;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nautilus.core.engine.WriteBehindWriter;

/** The {@code nautilus_write_behind_*} meters of one writer, tagged {@code writer=<name>}. */
final class WriteBehindMetrics {
    private WriteBehindMetrics() {
    }

    static void bind(MeterRegistry registry, WriteBehindWriter<?> w) {
        String name = w.config().name();
        FunctionCounter.builder("nautilus.write_behind.written", w, x -> x.stats().written())
                .description("records written by the write-behind writer").tag("writer", name).register(registry);
        FunctionCounter.builder("nautilus.write_behind.dropped", w, x -> x.stats().dropped())
                .description("records dropped by the DROP_OLDEST rule of a full writer").tag("writer", name).register(registry);
        FunctionCounter.builder("nautilus.write_behind.rejected", w, x -> x.stats().rejected())
                .description("records refused by a full (REJECT) or closed writer").tag("writer", name).register(registry);
        FunctionCounter.builder("nautilus.write_behind.failures", w, x -> x.stats().failures())
                .description("failed batch writes (each retried)").tag("writer", name).register(registry);
        Gauge.builder("nautilus.write_behind.waiting", w, x -> x.stats().waiting())
                .description("records queued or in a batch not yet written").tag("writer", name).register(registry);
    }
}
