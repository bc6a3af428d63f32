package io.nautilus.bench.redis;

import io.nautilus.bus.Envelope;
import io.nautilus.bus.codec.CodecException;
import io.nautilus.bus.codec.EnvelopeCodec;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.model.Quote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The Redis bridge's per-message JSON work on one quote envelope (264 bytes), single-threaded:
 * {@code encode} is the thread-safe {@link EnvelopeCodec#encode} (a generator and buffer per call),
 * {@code writerEncode} the export thread's reusable {@link EnvelopeCodec.Writer}, {@code decode} the import side.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EnvelopeCodecBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class EnvelopeCodecBenchmark {
    private static final long T = 1_700_000_000_000_000_000L;
    private final EnvelopeCodec codec = EnvelopeCodec.standard();
    private final EnvelopeCodec.Writer writer = codec.newWriter();
    private final Envelope[] envelopes = new Envelope[64];
    private final byte[] body;
    private int i;

    public EnvelopeCodecBenchmark() {
        for (int k = 0; k < envelopes.length; k++) {
            var q = new Quote("AAPL", 189.5 + k * 0.01, 189.52 + k * 0.01, 100 + k % 7, 200, T + k);
            envelopes[k] = new Envelope(1_000_000 + k, "3f2a9c1b", "md.quote.AAPL", Priority.NORMAL, "marketdata", T + k, q, null);
        }
        try {
            body = codec.encode(envelopes[0]);
        } catch (CodecException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public byte[] encode() throws CodecException {
        return codec.encode(envelopes[i++ & 63]);
    }

    @Benchmark
    public byte[] writerEncode() throws CodecException {
        return writer.encode(envelopes[i++ & 63]);
    }

    @Benchmark
    public Envelope decode() throws CodecException {
        return codec.decode(body);
    }
}
