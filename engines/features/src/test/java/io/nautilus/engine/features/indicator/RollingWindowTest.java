package io.nautilus.engine.features.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RollingWindowTest {

    @Test
    void test_add_evictsOldestAndReportsIt() {
        RollingWindow w = new RollingWindow(3);
        assertThat(w.add(1)).isNaN();
        assertThat(w.add(2)).isNaN();
        assertThat(w.add(4)).isNaN();
        assertThat(w.isFull()).isTrue();
        assertThat(w.add(8)).isEqualTo(1.0);
        // window 2, 4, 8: sum 14, mean 14/3, squared deviations (64 + 4 + 100) / 9 = 168/9,
        // population variance 56/9, sample variance 28/3
        assertThat(w.sum()).isCloseTo(14.0, within(1e-12));
        assertThat(w.mean()).isCloseTo(14.0 / 3, within(1e-12));
        assertThat(w.populationVariance()).isCloseTo(56.0 / 9, within(1e-12));
        assertThat(w.sampleVariance()).isCloseTo(28.0 / 3, within(1e-12));
        assertThat(w.get(0)).isEqualTo(8.0);
        assertThat(w.get(2)).isEqualTo(2.0);
    }

    @Test
    void test_add_noDriftOverMillionUpdatesOfLargeOffsetSeries() {
        // seeded random walk around 1e4 with tiny moves: naive running sums of squares would lose the variance
        SplittableRandom random = new SplittableRandom(42);
        int n = 50;
        RollingWindow w = new RollingWindow(n);
        double[] ring = new double[n];
        double price = 1e4;
        for (int i = 0; i < 1_000_000; i++) {
            price += random.nextGaussian() * 1e-3;
            w.add(price);
            ring[i % n] = price;
        }
        double mean = 0;
        for (double v : ring) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : ring) {
            ss += (v - mean) * (v - mean);
        }
        assertThat(w.mean()).isCloseTo(mean, within(1e-9));
        assertThat(w.populationVariance()).isCloseTo(ss / n, within(1e-9 * ss / n));
    }

    @Test
    void test_clear_forgetsEverything() {
        RollingWindow w = new RollingWindow(2);
        w.add(5);
        w.add(7);
        w.clear();
        w.add(1);
        assertThat(w.size()).isEqualTo(1);
        assertThat(w.mean()).isEqualTo(1.0);
    }
}
