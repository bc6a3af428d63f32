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
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;
import org.HdrHistogram.Histogram;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load script (a plain {@code main}, not JMH): publish-to-handler latency of one publisher and one subscribing
 * engine at a fixed rate, as HdrHistogram percentiles.
 * <pre>
 *   +---------------------+  sent[i] = nanoTime()  +----------+     +------------+     +-------------------------+
 *   | pub, paced by a     |----------------------->| LocalBus |---->| ring "sub" |---->| handler: message i,     |
 *   | deadline spin loop  |  publish(QUOTE)        +----------+     +------------+     | record nanoTime()-sent[i]|
 *   +---------------------+                                                          +-------------------------+
 * </pre>
 * Allocation-free while it runs, so that no GC pause lands in the figures unless the bus itself allocates: the
 * payload is the one pre-allocated {@link BusBenchmark#QUOTE}; the publisher writes message {@code i}'s send time
 * ({@link System#nanoTime()} just before the publish call) into a pre-allocated array, which the handler reads for
 * its {@code i}-th message (one publisher, order kept, and the ring's publish/poll orders the write before the
 * read); the intended send time of message {@code i} (the pacing deadline) is computed. The handler records
 * {@code now - sent[i]} ("publish->handler", the target's figure: the whole publish call, queueing, wake-up and
 * dispatch) and {@code now - intended[i]} (the same corrected for coordinated omission: it also counts time the
 * publisher itself was late, e.g. descheduled) into two pre-allocated histograms on the ring thread (a plain
 * array increment each). Warm-up messages are delivered but not recorded. At the end the script prints the GC
 * count and time during the run and the bytes the publisher allocated; run it with {@code -Xlog:gc} to see when.
 *
 * <p>Run: {@code java --sun-misc-unsafe-memory-access=allow -cp benchmarks/target/benchmarks.jar
 * io.nautilus.bench.bus.PublishToHandlerLatency [path=BLOCKING] [msgsPerSecond=100000] [seconds=10]
 * [warmupSeconds=5] [pacing=yield|spin]}, where {@code path} is a bus {@link WaitMode} or {@code DISRUPTOR}: the control, a raw
 * Disruptor 1P-1C with the {@code phasedLite} wait strategy of {@link RawDisruptorOneToOne}, which shows how much
 * of the latency the machine (scheduler, other load) adds on its own. Pacing defaults to {@code yield}: on the
 * shared 2-core machine a publisher that spins between messages holds one core, so other jobs take the ring
 * thread's, and the median went from about 3.5 ms to about 3 us when the publisher yielded instead (same load,
 * bus and raw Disruptor alike). With {@code pacing=spin} the publisher spins
 * between messages, so it occupies one core for the whole run; with {@code yield} it calls {@link Thread#yield()}
 * instead, which hands the core to any other runnable thread (on a shared 2-core machine: other jobs, which would
 * otherwise take the ring thread's core).
 */
public final class PublishToHandlerLatency {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Records latencies on the subscriber's ring thread; read them only after {@link #awaitAtLeast}. */
    static final class Recorder implements Handler<Quote> {
        final Histogram fromPublish = new Histogram(HIGHEST_NANOS, 3);
        final Histogram fromIntended = new Histogram(HIGHEST_NANOS, 3);
        /** Index 0: warm-up (discarded), 1: measured. */
        private final Histogram[] publishHistograms = {new Histogram(HIGHEST_NANOS, 3), fromPublish};
        private final Histogram[] intendedHistograms = {new Histogram(HIGHEST_NANOS, 3), fromIntended};
        private final Sequence seen = new Sequence(0);
        private final long[] sent;
        private final long warmup;
        private final long interval;
        private long start;

        Recorder(long total, long warmup, long interval) {
            this.sent = new long[Math.toIntExact(total)];
            this.warmup = warmup;
            this.interval = interval;
        }

        @Override
        public void onMessage(Quote quote, Message message) {
            long now = System.nanoTime();
            long i = seen.get();
            // Branch-free choice between the warm-up and the measured histograms: a branch first taken at the
            // boundary would be an uncommon trap in the compiled handler, i.e. a deoptimization (and a stretch in
            // the interpreter) at the start of the measurement.
            int measured = (int) ((warmup - 1 - i) >>> 63);
            publishHistograms[measured].recordValue(Math.min(now - sent[(int) i], HIGHEST_NANOS));
            intendedHistograms[measured].recordValue(Math.min(now - (start + (i + 1) * interval), HIGHEST_NANOS));
            seen.set(i + 1);
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

    /** Pacing by {@link Thread#yield()} instead of {@link Thread#onSpinWait()}: the publisher's core is given to
     *  other runnable threads between messages instead of being held. */
    private static boolean yieldWhilePacing;

    private PublishToHandlerLatency() {
    }

    public static void main(String[] args) throws InterruptedException {
        String path = args.length > 0 ? args[0].toUpperCase(Locale.ROOT) : WaitMode.BLOCKING.name();
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String pacing = args.length > 4 ? args[4].toLowerCase(Locale.ROOT) : "yield";
        if (!pacing.equals("spin") && !pacing.equals("yield")) {
            throw new IllegalArgumentException("pacing must be spin or yield, got " + pacing);
        }
        yieldWhilePacing = pacing.equals("yield");
        if (rate < 1 || rate > 10_000_000) {
            throw new IllegalArgumentException("msgsPerSecond must be in [1, 10000000], got " + rate);
        }
        if (seconds < 1 || warmupSeconds < 0 || (long) rate * (seconds + warmupSeconds) > 200_000_000L) {
            throw new IllegalArgumentException("seconds must be >= 1, warmupSeconds >= 0 and rate * (seconds + "
                    + "warmupSeconds) <= 200,000,000, got " + seconds + " and " + warmupSeconds);
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long warmup = (long) rate * warmupSeconds;
        long total = warmup + (long) rate * seconds;
        var recorder = new Recorder(total, warmup, interval);

        if (path.equals("DISRUPTOR")) {
            var disruptor = new Disruptor<QuoteEvent>(QuoteEvent::new, BusBenchmark.RING_SIZE,
                    DaemonThreadFactory.INSTANCE, ProducerType.SINGLE,
                    PhasedBackoffWaitStrategy.withLiteLock(10, 100, TimeUnit.MICROSECONDS));
            disruptor.handleEventsWith((event, sequence, endOfBatch) -> {
                recorder.onMessage(event.quote, null);
                event.quote = null;
            });
            RingBuffer<QuoteEvent> ring = disruptor.start();
            run(path, () -> {
                long seq = ring.next();
                ring.get(seq).quote = BusBenchmark.QUOTE;
                ring.publish(seq);
            }, recorder, rate, seconds, warmupSeconds);
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
            bus.forEngine("sub").subscribe(BusBenchmark.TOPIC, Quote.class, recorder);
            MessageBus pub = bus.forEngine("pub");
            run("bus " + waitMode, () -> pub.publish(BusBenchmark.TOPIC, BusBenchmark.QUOTE), recorder, rate, seconds,
                    warmupSeconds);
            System.out.println("  bus counters: " + bus.stats("sub"));
        }
    }

    /** A raw Disruptor slot for the control run. */
    private static final class QuoteEvent {
        Quote quote;
    }

    /** Publishes at {@code rate} for warm-up plus measurement, waits for delivery, prints the percentiles. */
    private static void run(String label, Runnable publish, Recorder recorder, int rate, int seconds,
                            int warmupSeconds) throws InterruptedException {
        long total = recorder.sent.length;
        long interval = recorder.interval;
        long[] sent = recorder.sent;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // First calls load and link the management classes (milliseconds): not between warm-up and measurement.
        gcCount();
        gcMillis();
        threads.getCurrentThreadAllocatedBytes();

        long start = System.nanoTime();
        recorder.start = start; // published to the ring thread by the first publish
        // Warm-up and measurement run the same method, so the measurement starts in code compiled during the
        // warm-up; the snapshots between the two calls are not inside a compiled loop (a branch taken once at
        // the boundary deoptimized the loop and left the publisher milliseconds late).
        long intended = publishPaced(publish, sent, 0, recorder.warmup, start, interval);
        long gcCount0 = gcCount();
        long gcMillis0 = gcMillis();
        long allocated0 = threads.getCurrentThreadAllocatedBytes();
        publishPaced(publish, sent, recorder.warmup, total, intended, interval);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
        recorder.awaitAtLeast(total);
        long gcs = gcCount() - gcCount0;
        long gcMillis = gcMillis() - gcMillis0;

        System.out.printf(Locale.ROOT, "PublishToHandlerLatency path=%s target=%d msg/s achieved=%.0f msg/s "
                + "measured=%d s (+%d s warm-up) pacing=%s%n", label, rate, total / elapsed, seconds, warmupSeconds,
                yieldWhilePacing ? "yield" : "spin");
        print("publish->handler", recorder.fromPublish);
        print("intended->handler", recorder.fromIntended);
        System.out.printf(Locale.ROOT, "  during measurement: %d GC(s), %d ms in GC; publisher allocated %d bytes%n",
                gcs, gcMillis, allocated);
    }

    /** Publishes messages {@code from} (inclusive) to {@code to}, one per {@code interval} after {@code intended};
     *  returns the last intended send time. */
    private static long publishPaced(Runnable publish, long[] sent, long from, long to, long intended,
                                     long interval) {
        for (int i = (int) from; i < to; i++) {
            intended += interval;
            long now;
            while ((now = System.nanoTime()) < intended) {
                if (yieldWhilePacing) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            sent[i] = now;
            publish.run();
        }
        return intended;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }

    private static void print(String label, Histogram h) {
        System.out.printf(Locale.ROOT, "  %-18s n=%d p50=%.1f us p90=%.1f us p99=%.1f us p99.9=%.1f us "
                        + "p99.99=%.1f us max=%.1f us%n", label, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3);
    }
}
