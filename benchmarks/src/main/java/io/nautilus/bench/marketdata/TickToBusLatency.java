package io.nautilus.bench.marketdata;

import io.nautilus.engine.marketdata.tick.IngestOutcome;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tick-to-bus latency, one op = one quote from the source's hand-off to its publication on the bus (sampled
 * distribution: read p99 from the JMH percentiles):
 * <pre>
 *   bench thread: 1-quote batch -> validate -> dedup -> order -> arbitrate -> publish on LocalBus -> bars
 *   ring "consumer": md.> subscriber
 * </pre>
 * Target: p99 at most 50 us.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "-Xmx1g"})
public class TickToBusLatency {
    private BenchPipeline fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new BenchPipeline(50);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println("ingest_to_publish (ns): " + fixture.latency.of("bench").ingestToPublish().summary());
        fixture.close();
    }

    @Benchmark
    public IngestOutcome oneQuote() {
        return fixture.pipeline.process(fixture.quotes(1));
    }
}
