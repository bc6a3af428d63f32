package io.nautilus.bench.bus;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.RingStats;
import io.nautilus.core.model.Quote;

/**
 * Constants and checks shared by the bus benchmarks. Stateless and thread-safe.
 */
final class BusBenchmarks {
    /** The topic every benchmark publishes on. */
    static final String TOPIC = "md.quote.AAPL";
    /**
     * Publishes per benchmark invocation before waiting for delivery. A quarter of the default 65,536-slot ring,
     * so a batch never spills to the overflow queue and the end-of-batch drain is a small part of the time.
     */
    static final int BATCH = 16_384;
    /** Ring slots of the raw Disruptor reference: the bus's default normal lane. */
    static final int RING_SIZE = 1 << 16;
    /** The one pre-allocated, immutable payload: the benchmarks measure the bus, not the allocator. */
    static final Quote QUOTE = new Quote("AAPL", 189.50, 189.52, 300, 200, 1_700_000_000_000_000_000L);

    private BusBenchmarks() {
    }

    /**
     * Fails if the bus did not deliver exactly what was published, or if anything went through the overflow queue
     * (then the run measured the overflow, not the ring), and prints the engine's counters.
     */
    static void checkDelivered(LocalBus bus, String engine, long expected) {
        RingStats s = bus.stats(engine);
        System.out.println("\n" + s);
        if (s.delivered() != expected || s.failed() != 0 || s.overflowed() != 0) {
            throw new IllegalStateException("expected " + expected + " deliveries without overflow, got " + s);
        }
    }
}
