package io.nautilus.bench.features;

import io.nautilus.core.model.Bar;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.quant.indicator.IndicatorSet;
import io.nautilus.engine.features.stream.FeatureSet;
import io.nautilus.engine.features.stream.SymbolFeatures;

import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Streaming update of the whole standard feature set (all 32 catalogue indicators, default parameters) for
 * one symbol, one bar per operation:
 * <pre>
 *   bar i --&gt; IndicatorSet.update (32 indicators) --&gt; values(row)            [updateWholeSet]
 *   bar i --&gt; SymbolFeatures.onBar: session check, update, FeatureVector    [onBarWithVector]
 * </pre>
 * Bars cycle through 65,536 seeded synthetic bars; the state is warm after the first pass. Target: at most
 * 2 us per bar per symbol for the whole set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow"})
public class FeatureStreamBenchmark {

    private static final int BARS = 1 << 16;
    private static final long MINUTE = 60_000_000_000L;

    private SyntheticBars bars;
    private Bar[] barRecords;
    private IndicatorSet set;
    private SymbolFeatures features;
    private double[] row;
    private int next;

    @Setup
    public void setUp() {
        bars = new SyntheticBars(BARS, 42);
        barRecords = new Bar[BARS];
        long start = 1_700_000_000_000_000_000L;
        for (int i = 0; i < BARS; i++) {
            long s = start + i * MINUTE;
            barRecords[i] = new Bar("BENCH", "1m", s, s + MINUTE, bars.open[i], bars.high[i], bars.low[i], bars.close[i],
                    bars.volume[i], (bars.high[i] + bars.low[i] + bars.close[i]) / 3, 1);
        }
        FeatureSet standard = FeatureSet.standard().annualizedFor(98_280);
        set = standard.newIndicatorSet();
        row = new double[set.width()];
        features = new SymbolFeatures("BENCH", "1m", standard, ZoneOffset.UTC);
        for (int i = 0; i < BARS; i++) {
            set.update(bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
        }
    }

    @Benchmark
    public double updateWholeSet() {
        int i = next;
        next = (i + 1) & (BARS - 1);
        set.update(bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
        set.values(row);
        return row[row.length - 1];
    }

    @Benchmark
    public FeatureVector onBarWithVector() {
        FeatureVector vector = features.onBar(barRecords[next]);
        if (++next == BARS) {
            // time must advance: after a full cycle, move every bar one cycle later (one Bar per op amortized)
            next = 0;
            long shift = BARS * MINUTE;
            for (int j = 0; j < BARS; j++) {
                Bar b = barRecords[j];
                barRecords[j] = new Bar(b.symbol(), b.interval(), b.startNanos() + shift, b.endNanos() + shift,
                        b.open(), b.high(), b.low(), b.close(), b.volume(), b.vwap(), b.tradeCount());
            }
        }
        if (vector == null) {
            throw new IllegalStateException("bar refused: the benchmark must feed bars in time order");
        }
        return vector;
    }
}
