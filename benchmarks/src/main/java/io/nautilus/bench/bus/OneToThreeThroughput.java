package io.nautilus.bench.bus;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.LocalBusConfig;
import io.nautilus.bus.local.WaitMode;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Publisher;
import io.nautilus.core.model.Quote;
import io.nautilus.core.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Messages per second delivered to <em>each</em> of three subscribing engines when one publisher fans out.
 * <pre>
 *                                           +--------------+      +-------------+
 *                                      +--->| ring "sub-0" |----->| QuoteSink 0 |
 *   +-----+  publish  +----------+     |    +--------------+      +-------------+
 *   | pub |---------->| LocalBus |-----+--->| ring "sub-1" |----->| QuoteSink 1 |
 *   +-----+           +----------+     |    +--------------+      +-------------+
 *                                      +--->| ring "sub-2" |----->| QuoteSink 2 |
 *                                           +--------------+      +-------------+
 * </pre>
 * One invocation publishes {@link BusBenchmark#BATCH} quotes and waits until all three handlers counted them all;
 * one operation is one message delivered to every subscriber (three handler calls). Four busy threads share the
 * machine's two cores. Single publisher: run with one JMH thread.
 */
public class OneToThreeThroughput extends BusBenchmark {
    private static final int SUBSCRIBERS = 3;

    @Param({"BLOCKING", "YIELDING"})
    public WaitMode waitMode;

    /** How the publisher calls the bus (see {@link BusBenchmark.Api}); {@code publish} is the default path. */
    @Param({"publish", "publisher", "batch"})
    public Api api;

    private LocalBus bus;
    private MessageBus pub;
    private Publisher publisher;
    private final QuoteSink[] sinks = new QuoteSink[SUBSCRIBERS];
    private long published;

    @Setup(Level.Trial)
    public void start() {
        bus = new LocalBus(LocalBusConfig.DEFAULT.withWaitMode(waitMode), Clock.system());
        pub = bus.forEngine("pub");
        publisher = pub.publisher(TOPIC, Priority.NORMAL);
        for (int i = 0; i < SUBSCRIBERS; i++) {
            sinks[i] = new QuoteSink();
            bus.forEngine("sub-" + i).subscribe(TOPIC, Quote.class, sinks[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishAndDeliverToEach() {
        publishBatch(api, pub, publisher);
        published += BATCH;
        for (QuoteSink sink : sinks) {
            sink.awaitAtLeast(published);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        for (int i = 0; i < SUBSCRIBERS; i++) {
            checkDelivered(bus, "sub-" + i, published);
        }
        bus.close();
    }
}
