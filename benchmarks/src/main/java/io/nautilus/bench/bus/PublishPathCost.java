package io.nautilus.bench.bus;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.LocalBusConfig;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What one publish costs the publishing thread, piece by piece, single-threaded (no consumer thread, so no
 * cache-line transfers: a lower bound). It explains the gap between {@link OneToOneThroughput}, where the publisher
 * is the bottleneck, and {@link RawDisruptorOneToOne}.
 * <ul>
 *   <li>{@code clockNowNanos}: the bus's timestamp per publish, {@code Clock.system().nowNanos()}: since the
 *       clock fix, an offset plus {@link System#nanoTime()} (it used to be {@link Instant#now()} plus a CAS on a
 *       process-wide monotonic guard).</li>
 *   <li>{@code instantNow} and {@code nanoTime}: the two JDK time sources, for comparison.</li>
 *   <li>{@code busPublishUnrouted}: a whole {@code MessageBus.publish} to a topic nobody subscribes to (id,
 *       timestamp, cached route lookup, counters), i.e. everything but the enqueue.</li>
 *   <li>{@code busPublishUnroutedNanoTimeClock}: the same on a bus whose clock is {@link NanoTimeClock}, to show
 *       the timestamp's share.</li>
 *   <li>{@code ringClaimPublishBlockingSignal}: the enqueue as {@code EngineRing} does it: a multi-producer
 *       {@code RingBuffer} created without a wait strategy, so with {@link BlockingWaitStrategy}, whose
 *       {@code publish} takes a monitor and calls {@code notifyAll} every time.</li>
 *   <li>{@code ringClaimPublishNoSignal}: the same with a wait strategy whose signal is a no-op. An
 *       {@link EventPoller} never waits on the strategy, so nothing needs the signal.</li>
 * </ul>
 * In the ring benchmarks the thread also plays the consumer by advancing the poller's sequence, so the ring never
 * fills.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PublishPathCost extends BusBenchmark {

    /** A multi-producer ring with a poller, as one lane of {@code EngineRing}. */
    private static final class Lane {
        final RingBuffer<RawDisruptorOneToOne.QuoteEvent> ring;
        final EventPoller<RawDisruptorOneToOne.QuoteEvent> poller;

        Lane(WaitStrategy waitStrategy) {
            ring = RingBuffer.createMultiProducer(RawDisruptorOneToOne.QuoteEvent::new, RING_SIZE, waitStrategy);
            poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
        }

        long claimPublish() throws InsufficientCapacityException {
            long seq = ring.tryNext();
            ring.get(seq).quote = QUOTE;
            ring.publish(seq);
            poller.getSequence().set(seq);
            return seq;
        }
    }

    /**
     * Epoch nanoseconds as {@code System.nanoTime()} plus an offset taken once: monotonic without a CAS and
     * without {@code Instant.now()}, but it does not follow later wall-clock (NTP) corrections. Thread-safe.
     */
    static final class NanoTimeClock implements Clock {
        private final long offset;

        NanoTimeClock() {
            Instant now = Instant.now();
            offset = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
        }

        @Override
        public long nowNanos() {
            return offset + System.nanoTime();
        }
    }

    private final Clock clock = Clock.system();
    private final Lane blockingLane = new Lane(new BlockingWaitStrategy());
    private final Lane noSignalLane = new Lane(new YieldingWaitStrategy());
    private LocalBus bus;
    private MessageBus pub;
    private LocalBus nanoTimeBus;
    private MessageBus nanoTimePub;

    @Setup(Level.Trial)
    public void start() {
        bus = new LocalBus(LocalBusConfig.DEFAULT, clock);
        pub = bus.forEngine("pub");
        nanoTimeBus = new LocalBus(LocalBusConfig.DEFAULT, new NanoTimeClock());
        nanoTimePub = nanoTimeBus.forEngine("pub");
    }

    @TearDown(Level.Trial)
    public void stop() {
        bus.close();
        nanoTimeBus.close();
    }

    @Benchmark
    public long clockNowNanos() {
        return clock.nowNanos();
    }

    @Benchmark
    public long instantNow() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public void busPublishUnrouted() {
        pub.publish(TOPIC, QUOTE);
    }

    @Benchmark
    public void busPublishUnroutedNanoTimeClock() {
        nanoTimePub.publish(TOPIC, QUOTE);
    }

    @Benchmark
    public long ringClaimPublishBlockingSignal() throws InsufficientCapacityException {
        return blockingLane.claimPublish();
    }

    @Benchmark
    public long ringClaimPublishNoSignal() throws InsufficientCapacityException {
        return noSignalLane.claimPublish();
    }
}
