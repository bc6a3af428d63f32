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
 * Delivered messages per second from one publisher to one subscribing engine through the whole bus path.
 * <pre>
 *   +-----+   publish    +-------+  route (cached)  +------------------+  poll  +-------------+
 *   | pub |------------->| Local |----------------->| ring "sub"       |------->| QuoteSink   |
 *   +-----+ (JMH thread) |  Bus  |  enqueue (MPSC)  | normal lane 64 Ki|        | (ring-sub)  |
 *                        +-------+                  +------------------+        +-------------+
 * </pre>
 * One invocation publishes {@link BusBenchmark#BATCH} copies of one pre-allocated {@link Quote}, then waits until
 * the handler has counted them all, so the score is messages <em>delivered</em> per second (not enqueued).
 * Compare with {@link RawDisruptorOneToOne} from the same run. Single publisher: run with one JMH thread.
 */
public class OneToOneThroughput extends BusBenchmark {

    @Param({"BLOCKING", "YIELDING"})
    public WaitMode waitMode;

    /** How the publisher calls the bus (see {@link BusBenchmark.Api}); {@code publish} is the default path. */
    @Param({"publish", "publisher", "batch"})
    public Api api;

    private LocalBus bus;
    private MessageBus pub;
    private Publisher publisher;
    private final QuoteSink sink = new QuoteSink();
    private long published;

    @Setup(Level.Trial)
    public void start() {
        bus = new LocalBus(LocalBusConfig.DEFAULT.withWaitMode(waitMode), Clock.system());
        pub = bus.forEngine("pub");
        publisher = pub.publisher(TOPIC, Priority.NORMAL);
        bus.forEngine("sub").subscribe(TOPIC, Quote.class, sink);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishAndDeliver() {
        publishBatch(api, pub, publisher);
        published += BATCH;
        sink.awaitAtLeast(published);
    }

    @TearDown(Level.Trial)
    public void stop() {
        checkDelivered(bus, "sub", published);
        bus.close();
    }
}
