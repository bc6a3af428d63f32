package io.nautilus.bench.analytics;

import io.nautilus.engine.analytics.metrics.PerformanceCalculator;
import io.nautilus.engine.analytics.metrics.PerformanceConfig;
import io.nautilus.engine.analytics.metrics.PerformanceReport;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every performance metric over ten years of daily returns (2,520), with and without a benchmark series.
 * Target: at most 200 us per call. Returns are a seeded simulation (Student-like fat tails from a mixture), so
 * the run is reproducible.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerformanceMetricsBenchmark {
    private static final int DAYS = 2_520;
    private final PerformanceCalculator calculator =
            new PerformanceCalculator(PerformanceConfig.DEFAULT.withRiskFreeRate(0.02));
    private double[] returns;
    private double[] benchmark;

    @Setup
    public void setUp() {
        var random = new SplittableRandom(42);
        returns = new double[DAYS];
        benchmark = new double[DAYS];
        for (int i = 0; i < DAYS; i++) {
            double market = 0.0003 + 0.01 * gaussian(random) * (random.nextDouble() < 0.05 ? 3 : 1);
            benchmark[i] = market;
            returns[i] = 0.0001 + 1.1 * market + 0.005 * gaussian(random);
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Benchmark
    public PerformanceReport allMetricsTenYears() {
        return calculator.calculate(returns);
    }

    @Benchmark
    public PerformanceReport allMetricsTenYearsWithBenchmark() {
        return calculator.calculate(returns, benchmark);
    }
}
