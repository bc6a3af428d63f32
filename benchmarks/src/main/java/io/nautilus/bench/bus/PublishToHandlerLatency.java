package io.nautilus.bench.bus;

import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.LocalBusConfig;
import io.nautilus.bus.local.WaitMode;
import io.nautilus.core.bus.Handler;
import io.nautilus.core.bus.Message;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.time.Clock;
import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Load script (a plain {@code main}, not JMH): publish-to-handler latency of one publisher and one subscribing
 * engine at a fixed rate, as HdrHistogram percentiles.
 * <pre>
 *   +---------------------+  publish(Stamp{t0})  +----------+      +------------+      +---------------------+
 *   | pub, paced by a     |--------------------->| LocalBus |----->| ring "sub" |----->| handler: record     |
 *   | deadline spin loop  |                      +----------+      +------------+      | nanoTime() - t0     |
 *   +---------------------+                                                          +---------------------+
 * </pre>
 * Each message carries its intended send time (the pacing deadline) and its actual {@code System.nanoTime()} at
 * publish. The handler records, in nanoseconds, {@code now - publish} (the latency the target is about) and
 * {@code now - intended} (the same, corrected for coordinated omission: it also counts time the publisher itself
 * was late, e.g. descheduled). Warm-up messages are delivered but not recorded.
 *
 * <p>Run: {@code java --sun-misc-unsafe-memory-access=allow -cp benchmarks/target/benchmarks.jar
 * io.nautilus.bench.bus.PublishToHandlerLatency [path=BLOCKING] [msgsPerSecond=100000] [seconds=10]
 * [warmupSeconds=5]}, where {@code path} is a bus {@link WaitMode} or {@code DISRUPTOR}: the control, a raw
 * Disruptor 1P-1C with the {@code phasedLite} wait strategy of {@link RawDisruptorOneToOne}, which shows how much
 * of the latency the machine (scheduler, other load) adds on its own. The publisher spins between messages, so it
 * occupies one core for the whole run.
 */
public final class PublishToHandlerLatency {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The payload: times in {@link System#nanoTime()} units. Immutable. */
    record Stamp(long intendedNanos, long publishNanos, boolean measured) {
    }

    /** Records latencies on the subscriber's ring thread; read them only after {@link #awaitAtLeast}. */
    static final class Recorder implements Handler<Stamp> {
        final Histogram fromPublish = new Histogram(HIGHEST_NANOS, 3);
        final Histogram fromIntended = new Histogram(HIGHEST_NANOS, 3);
        private final Sequence seen = new Sequence(0);

        @Override
        public void onMessage(Stamp stamp, Message message) {
            long now = System.nanoTime();
            if (stamp.measured()) {
                fromPublish.recordValue(Math.min(now - stamp.publishNanos(), HIGHEST_NANOS));
                fromIntended.recordValue(Math.min(now - stamp.intendedNanos(), HIGHEST_NANOS));
            }
            seen.set(seen.get() + 1);
        }

        void awaitAtLeast(long count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.get() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen.get() + " of " + count + " messages delivered");
                }
                Thread.sleep(1);
            }
        }
    }

    private PublishToHandlerLatency() {
    }

    public static void main(String[] args) throws InterruptedException {
        String path = args.length > 0 ? args[0].toUpperCase(Locale.ROOT) : WaitMode.BLOCKING.name();
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (rate < 1 || rate > 10_000_000) {
            throw new IllegalArgumentException("msgsPerSecond must be in [1, 10000000], got " + rate);
        }
        if (seconds < 1 || warmupSeconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 1 and warmupSeconds >= 0, got " + seconds
                    + " and " + warmupSeconds);
        }

        var recorder = new Recorder();
        if (path.equals("DISRUPTOR")) {
            var disruptor = new Disruptor<StampEvent>(StampEvent::new, BusBenchmark.RING_SIZE,
                    DaemonThreadFactory.INSTANCE, ProducerType.SINGLE,
                    PhasedBackoffWaitStrategy.withLiteLock(10, 100, TimeUnit.MICROSECONDS));
            disruptor.handleEventsWith((event, sequence, endOfBatch) -> recorder.onMessage(event.stamp, null));
            RingBuffer<StampEvent> ring = disruptor.start();
            run(path, stamp -> ring.publishEvent((event, sequence) -> event.stamp = stamp), recorder, rate, seconds,
                    warmupSeconds);
            disruptor.halt();
            return;
        }
        WaitMode waitMode;
        try {
            waitMode = WaitMode.valueOf(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("path must be DISRUPTOR or one of " + Arrays.toString(WaitMode.values())
                    + ", got " + path, e);
        }
        try (LocalBus bus = new LocalBus(LocalBusConfig.DEFAULT.withWaitMode(waitMode), Clock.system())) {
            bus.forEngine("sub").subscribe(BusBenchmark.TOPIC, Stamp.class, recorder);
            MessageBus pub = bus.forEngine("pub");
            run("bus " + waitMode, stamp -> pub.publish(BusBenchmark.TOPIC, stamp), recorder, rate, seconds,
                    warmupSeconds);
            System.out.println("  bus counters: " + bus.stats("sub"));
        }
    }

    /** A raw Disruptor slot for the control run. */
    private static final class StampEvent {
        Stamp stamp;
    }

    /** Publishes at {@code rate} for warm-up plus measurement, waits for delivery, prints the percentiles. */
    private static void run(String label, Consumer<Stamp> publish, Recorder recorder, int rate, int seconds,
                            int warmupSeconds) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long warmup = (long) rate * warmupSeconds;
        long total = warmup + (long) rate * seconds;

        long start = System.nanoTime();
        long intended = start;
        for (long i = 0; i < total; i++) {
            intended += interval;
            while (System.nanoTime() < intended) {
                Thread.onSpinWait();
            }
            publish.accept(new Stamp(intended, System.nanoTime(), i >= warmup));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        recorder.awaitAtLeast(total);

        System.out.printf(Locale.ROOT, "PublishToHandlerLatency path=%s target=%d msg/s achieved=%.0f msg/s "
                + "measured=%d s (+%d s warm-up)%n", label, rate, total / elapsed, seconds, warmupSeconds);
        print("publish->handler", recorder.fromPublish);
        print("intended->handler", recorder.fromIntended);
    }

    private static void print(String label, Histogram h) {
        System.out.printf(Locale.ROOT, "  %-18s n=%d p50=%.1f us p90=%.1f us p99=%.1f us p99.9=%.1f us "
                        + "p99.99=%.1f us max=%.1f us%n", label, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3);
    }
}
