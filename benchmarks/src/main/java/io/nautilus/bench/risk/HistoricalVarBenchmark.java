package io.nautilus.bench.risk;

import io.nautilus.engine.risk.var.HistoricalVar;
import io.nautilus.engine.risk.var.VarResult;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Historical VaR and ES with the Euler decomposition: {@code positions} exposures revalued under {@code scenarios}
 * observed return vectors (validation, P&amp;L = R m, sort, tail mean, components). Single thread.
 * Target: at most 5 ms for 1,000 x 1,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
public class HistoricalVarBenchmark {
    @Param({"1000"})
    int positions;
    @Param({"1000"})
    int scenarios;

    private double[][] returns;
    private double[] exposures;

    @Setup
    public void setup() {
        var random = new SplittableRandom(42L);
        returns = new double[scenarios][positions];
        for (double[] row : returns) {
            for (int i = 0; i < positions; i++) {
                row[i] = 0.02 * random.nextGaussian();
            }
        }
        exposures = new double[positions];
        for (int i = 0; i < positions; i++) {
            exposures[i] = (random.nextBoolean() ? 1 : -1) * 1e4 * (1 + random.nextDouble());
        }
    }

    @Benchmark
    public VarResult historicalVar99() {
        return HistoricalVar.DEFAULT.compute(returns, exposures, 0.99, 1);
    }
}
