package io.nautilus.bench.marketdata;

import io.nautilus.engine.marketdata.tick.IngestOutcome;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process ingest throughput, one op = one quote:
 * <pre>
 *   bench thread: build batch of 1000 quotes -> validate -> dedup -> order -> arbitrate -> LVC + history
 *                 -> publish Quote on LocalBus -> 5 bar aggregators (1s..1d) -> publish closed Bars
 *   ring "consumer": md.> subscriber counting deliveries
 * </pre>
 * Target: at least 1M quotes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "-Xmx1g"})
public class PipelineThroughput {
    private static final int BATCH = 1000;

    @Param({"50"})
    public int symbols;

    private BenchPipeline fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new BenchPipeline(symbols);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println("ingest_to_publish (ns): " + fixture.latency.of("bench").ingestToPublish().summary());
        System.out.println("consumer received: " + fixture.received.sum());
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public IngestOutcome ingestValidateAggregatePublish() {
        TickBatch b = fixture.quotes(BATCH);
        return fixture.pipeline.process(b);
    }
}
