package io.nautilus.bench.host;

import io.javalin.config.RoutesConfig;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.engine.WriteBehindConfig;
import io.nautilus.core.time.Clock;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime verbs cost, next to what they replace, in one run:
 * <pre>
 *   caller thread --call(fn)--> [urgent lane] --> ring thread: fn, end-of-batch hook --> future --> caller
 *   caller thread --bus.request--> [_local topic] --> ring thread: responder --reply--> [inbox] --> caller
 * </pre>
 * {@code call} is {@link EngineContext#call} joined by the caller (an HTTP handler's round trip); {@code request}
 * is the {@code MessageBus.request}/{@code respond} round trip the Portfolio engine used for the same question;
 * {@code offload} is {@link EngineContext#offload} on the compute pool, joined; {@code writeBehindOffer} is one
 * {@link WriteBehind#offer} into a writer whose sink does nothing (the cost on the ring thread). Average time per
 * operation, one caller thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RuntimeVerbsBenchmark {
    /** The engine whose ring answers: a counter and an end-of-batch hook, as a real engine's commit. */
    static final class CounterEngine implements Engine {
        EngineContext ctx;
        long value;
        long committed;

        @Override
        public EngineId id() {
            return EngineId.FACTOR;
        }

        @Override
        public void start(EngineContext context) {
            ctx = context;
            context.onEndOfBatch(() -> committed = value);
            context.bus().respond("_local.factor.ask", Long.class, q -> ++value);
        }



    }

    private LocalBus bus;
    private EngineHost host;
    private CounterEngine engine;
    private io.nautilus.core.bus.MessageBus caller;
    private WriteBehind<Long> writer;
    private final Long query = 1L;

    @Setup(Level.Trial)
    public void setUp() {
        bus = LocalBus.create();
        engine = new CounterEngine();
        host = new EngineHost(engine, HostSettings.defaults().withDataDir("target/bench-verbs"), bus, Clock.system(),
                () -> true).start();
        caller = bus.forEngine("caller");
        writer = engine.ctx.writeBehind(WriteBehindConfig.custom("bench").capacity(1 << 20)
                .overflow(WriteBehindConfig.Overflow.DROP_OLDEST).build(), batch -> { });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        host.close();
        bus.close();
    }

    @Benchmark
    public long call() {
        return engine.ctx.call(() -> ++engine.value).join();
    }

    @Benchmark
    public long request() {
        return caller.request("_local.factor.ask", query, Long.class, Duration.ofSeconds(5)).join();
    }

    @Benchmark
    public long offload() {
        return engine.ctx.offload(() -> 42L, Duration.ofSeconds(5)).join();
    }

    @Benchmark
    public boolean writeBehindOffer() {
        return writer.offer(query);
    }
}
