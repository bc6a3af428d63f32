package io.nautilus.bench.bus;

import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.nautilus.core.model.Quote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference for {@link OneToOneThroughput}: a raw LMAX Disruptor 4.0.0, one producer, one consumer, with the same
 * payload (one pre-allocated {@link Quote} referenced from the slot), the same handler ({@link QuoteSink}), the same
 * ring size (64 Ki) and the same batch-then-wait measurement.
 * <pre>
 *   +-----+  next / set / publish  +-------------------------+  BatchEventProcessor  +-----------+
 *   | pub |----------------------->| RingBuffer (SINGLE, 64Ki)|---------------------->| QuoteSink |
 *   +-----+     (JMH thread)       +-------------------------+                        +-----------+
 * </pre>
 * Wait strategies ({@code waitStrategy} parameter), none of them a busy spin:
 * <ul>
 *   <li>{@code phasedLite}: spin 10 us, yield 100 us, then a lock/condition wait signalled by the publisher only
 *       when the consumer sleeps ({@link PhasedBackoffWaitStrategy#withLiteLock}); the closest match to the
 *       bus's {@code WaitMode.BLOCKING} (spin, yield, park with a publisher signal).</li>
 *   <li>{@code yielding}: {@link YieldingWaitStrategy}, spin 100 then yield; the match to {@code WaitMode.YIELDING}.</li>
 *   <li>{@code sleeping}: {@link SleepingWaitStrategy}, spin, yield, then {@code parkNanos(100)} with no signal.</li>
 * </ul>
 */
public class RawDisruptorOneToOne extends BusBenchmark {

    /** A ring slot: a reference to an immutable payload, as in the bus's ring slots (and, for {@code stamped}, the
     *  message's timestamp and id, as the bus's slots carry). */
    static final class QuoteEvent {
        Quote quote;
        long tsNanos;
        long id;
    }

    @Param({"phasedLite", "yielding", "sleeping"})
    public String waitStrategy;

    /**
     * {@code plain} (the reference (c)): single-producer ring, the slot gets the payload only. {@code multi}: the same
     * on a multi-producer ring (any thread may publish to an engine: a CAS per claim). {@code stamped}: what a
     * per-message bus publish needs, with nothing else of the bus: the multi-producer ring, and per message a
     * {@code System.nanoTime()} timestamp and an id from an {@link AtomicLong}.
     */
    @Param({"plain"})
    public String variant;

    private final AtomicLong ids = new AtomicLong();

    private Disruptor<QuoteEvent> disruptor;
    private RingBuffer<QuoteEvent> ring;
    private final QuoteSink sink = new QuoteSink();
    private long published;

    @Setup(Level.Trial)
    public void start() {
        if (!variant.equals("plain") && !variant.equals("multi") && !variant.equals("stamped")) {
            throw new IllegalArgumentException("variant must be plain, multi or stamped, got " + variant);
        }
        disruptor = new Disruptor<>(QuoteEvent::new, RING_SIZE, DaemonThreadFactory.INSTANCE,
                variant.equals("plain") ? ProducerType.SINGLE : ProducerType.MULTI, waitStrategy(waitStrategy));
        disruptor.handleEventsWith((event, sequence, endOfBatch) -> {
            sink.accept(event.quote);
            event.quote = null; // as the bus clears its slot, so the payload can be collected
        });
        ring = disruptor.start();
    }

    private static WaitStrategy waitStrategy(String name) {
        return switch (name) {
            case "phasedLite" -> PhasedBackoffWaitStrategy.withLiteLock(10, 100, TimeUnit.MICROSECONDS);
            case "yielding" -> new YieldingWaitStrategy();
            case "sleeping" -> new SleepingWaitStrategy();
            default -> throw new IllegalArgumentException(
                    "waitStrategy must be one of phasedLite, yielding, sleeping; got " + name);
        };
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishAndDeliver() {
        if (variant.equals("stamped")) {
            for (int i = 0; i < BATCH; i++) {
                long id = ids.incrementAndGet();
                long ts = System.nanoTime();
                long seq = ring.next();
                QuoteEvent e = ring.get(seq);
                e.quote = QUOTE;
                e.tsNanos = ts;
                e.id = id;
                ring.publish(seq);
            }
        } else {
            for (int i = 0; i < BATCH; i++) {
                long seq = ring.next();
                ring.get(seq).quote = QUOTE;
                ring.publish(seq);
            }
        }
        published += BATCH;
        sink.awaitAtLeast(published);
    }

    @TearDown(Level.Trial)
    public void stop() {
        disruptor.halt();
        if (sink.delivered() != published) {
            throw new IllegalStateException("expected " + published + " deliveries, got " + sink.delivered());
        }
    }
}
