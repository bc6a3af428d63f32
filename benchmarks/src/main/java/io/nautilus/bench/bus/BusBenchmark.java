package io.nautilus.bench.bus;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.RingStats;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Publisher;
import io.nautilus.core.model.Quote;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the bus benchmarks share: the JMH settings (inherited by the subclasses, which may override them), the
 * payload, topic and sizes, and the end-of-trial delivery check. The defaults are short runs that keep a shared
 * 2-core machine usable: one fork (with the flag that silences JDK 25's {@code sun.misc.Unsafe} warnings for JMH),
 * 2 x 2 s warm-up, 3 x 3 s measurement, one benchmark thread (every benchmark has exactly one publisher),
 * throughput in operations per second. A subclass instance is one trial's state; not thread-safe.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public abstract class BusBenchmark {
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

    /** Messages per {@link io.nautilus.core.bus.Publisher#publishBatch} call of the {@code batch} API. */
    static final int BATCH_CALL = 256;
    private static final Object[] QUOTES = new Object[BATCH_CALL];

    static {
        java.util.Arrays.fill(QUOTES, QUOTE);
    }

    /**
     * How the benchmark's publisher calls the bus: {@code publish}, {@link MessageBus#publish} per message (topic
     * looked up per message, the default way); {@code publisher}, {@link Publisher#publish} per message (topic
     * resolved once); {@code batch}, {@link Publisher#publishBatch} of {@value #BATCH_CALL} messages per call.
     */
    public enum Api {
        publish, publisher, batch
    }

    /** Publishes {@link #BATCH} copies of {@link #QUOTE} on {@link #TOPIC} through {@code api}. */
    static void publishBatch(Api api, MessageBus bus, Publisher publisher) {
        switch (api) {
            case publish -> {
                for (int i = 0; i < BATCH; i++) {
                    bus.publish(TOPIC, QUOTE);
                }
            }
            case publisher -> {
                for (int i = 0; i < BATCH; i++) {
                    publisher.publish(QUOTE);
                }
            }
            case batch -> {
                for (int i = 0; i < BATCH; i += BATCH_CALL) {
                    publisher.publishBatch(QUOTES, 0, BATCH_CALL);
                }
            }
        }
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
