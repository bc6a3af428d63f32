package io.nautilus.bench.features;

import java.util.SplittableRandom;

/**
 * Seeded synthetic OHLCV bars for benchmarks: a geometric random walk of closes (1% per bar), opens at the
 * previous close, highs and lows a random fraction of a percent beyond them, volumes uniform in [1e5, 2e5).
 * The same seed gives the same bars. Immutable after construction.
 */
final class SyntheticBars {

    final int n;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    SyntheticBars(int n, long seed) {
        this.n = n;
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        var random = new SplittableRandom(seed);
        double last = 100;
        for (int i = 0; i < n; i++) {
            double next = last * Math.exp(0.01 * gaussian(random));
            open[i] = last;
            close[i] = next;
            high[i] = Math.max(last, next) * (1 + 0.005 * random.nextDouble());
            low[i] = Math.min(last, next) * (1 - 0.005 * random.nextDouble());
            volume[i] = 100_000 + 100_000 * random.nextDouble();
            last = next;
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
