package io.nautilus.bench.bus;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.LocalBusConfig;
import io.nautilus.bus.local.WaitMode;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Publisher;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load script (a plain {@code main}, not JMH): CPU time per message of the publishing thread and of each
 * subscriber's ring thread, from the JVM's per-thread CPU clocks. Unlike throughput, CPU time per message barely
 * moves when other jobs share the machine (they take wall time, not this thread's CPU time), so it compares two
 * builds of the bus on a busy machine. The publisher's figure includes the time it stalls on cache lines the ring
 * threads hold; the ring threads' figure includes their idle spinning, so read it as an upper bound.
 * <pre>
 *   for each round: publish BATCH quotes (publisher CPU clock read around this loop only), then sleep until
 *   every subscriber has counted them; per round: publisher ns/msg, ring ns/msg, bytes allocated per message
 * </pre>
 * Run: {@code java --sun-misc-unsafe-memory-access=allow -cp benchmarks/target/benchmarks.jar
 * io.nautilus.bench.bus.PublishCpuCost [subscribers=1] [api=publish|publisher|batch] [rounds=200] [repeats=5]}.
 */
public final class PublishCpuCost {
    private PublishCpuCost() {
    }

    public static void main(String[] args) throws InterruptedException {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        BusBenchmark.Api api = args.length > 1 ? BusBenchmark.Api.valueOf(args[1]) : BusBenchmark.Api.publish;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (subscribers < 1 || subscribers > 16 || rounds < 1 || repeats < 1) {
            throw new IllegalArgumentException("need 1 <= subscribers <= 16, rounds >= 1, repeats >= 1");
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (var bus = new LocalBus(LocalBusConfig.DEFAULT.withWaitMode(WaitMode.BLOCKING), Clock.system())) {
            MessageBus pub = bus.forEngine("pub");
            Publisher publisher = pub.publisher(BusBenchmark.TOPIC, Priority.NORMAL);
            var sinks = new QuoteSink[subscribers];
            var ringThreads = new long[subscribers];
            for (int i = 0; i < subscribers; i++) {
                sinks[i] = new QuoteSink();
                int index = i;
                QuoteSink sink = sinks[i];
                bus.forEngine("sub-" + i).subscribe(BusBenchmark.TOPIC, Quote.class, (q, m) -> {
                    ringThreads[index] = Thread.currentThread().threadId(); // read after the first round
                    sink.onMessage(q, m);
                });
            }
            long published = 0;
            for (int r = 0; r < repeats; r++) {
                long[] ring0 = ringCpu(threads, ringThreads, published);
                long alloc0 = threads.getCurrentThreadAllocatedBytes();
                long cpu = 0;
                long n = 0;
                for (int round = 0; round < rounds; round++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    BusBenchmark.publishBatch(api, pub, publisher);
                    cpu += threads.getCurrentThreadCpuTime() - c0;
                    n += BusBenchmark.BATCH;
                    published += BusBenchmark.BATCH;
                    for (QuoteSink sink : sinks) {
                        while (sink.delivered() < published) {
                            TimeUnit.MICROSECONDS.sleep(200);
                        }
                    }
                }
                long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
                long[] ring1 = ringCpu(threads, ringThreads, published);
                var line = new StringBuilder(String.format(Locale.ROOT,
                        "subscribers=%d api=%s repeat %d: publisher %.1f ns CPU/msg, %.2f B/msg; ring threads ns CPU/msg:",
                        subscribers, api, r, cpu / (double) n, alloc / (double) n));
                for (int i = 0; i < subscribers; i++) {
                    line.append(r == 0 ? " (first round)" : String.format(Locale.ROOT, " %.1f", (ring1[i] - ring0[i]) / (double) n));
                }
                System.out.println(line);
            }
            for (int i = 0; i < subscribers; i++) {
                BusBenchmark.checkDelivered(bus, "sub-" + i, published);
            }
        }
    }

    private static long[] ringCpu(com.sun.management.ThreadMXBean threads, long[] ids, long published) {
        var out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = published == 0 ? 0 : threads.getThreadCpuTime(ids[i]);
        }
        return out;
    }
}
