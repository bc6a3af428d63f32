package io.nautilus.core.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

/** Reference: hand arithmetic and Apache Commons Math 3.6 DescriptiveStatistics with a window (test scope). */
class RollingWindowTest {

    @Test
    void test_add_handDerivedFixture() {
        // Capacity 3; after 2, 4, 9, 5 the window holds 4, 9, 5: sum 18, mean 6,
        // squared deviations 4 + 9 + 1 = 14, sample variance 7, population variance 14/3.
        RollingWindow w = new RollingWindow(3);
        for (double x : new double[] {2, 4, 9, 5}) {
            w.add(x);
        }
        assertThat(w.toArray()).containsExactly(4, 9, 5);
        assertThat(w.oldest()).isEqualTo(4.0);
        assertThat(w.newest()).isEqualTo(5.0);
        assertThat(w.sum()).isCloseTo(18, within(1e-14));
        assertThat(w.mean()).isCloseTo(6, within(1e-15));
        assertThat(w.variance()).isCloseTo(7, within(1e-14));
        assertThat(w.populationVariance()).isCloseTo(14.0 / 3, within(1e-14));
        assertThat(w.isFull()).isTrue();
    }

    @Test
    void test_add_matchesCommonsMathOverLongStreamWithLargeOffset() {
        // Prices near 10 000 with unit noise: running x, x² sums would lose about 8 digits here.
        SplittableRandom random = new SplittableRandom(42);
        RollingWindow w = new RollingWindow(50);
        DescriptiveStatistics reference = new DescriptiveStatistics(50);
        for (int i = 0; i < 200_000; i++) {
            double x = 10_000 + random.nextGaussian();
            w.add(x);
            reference.addValue(x);
            if (i % 997 == 0 && i > 0) {
                assertThat(w.mean()).isCloseTo(reference.getMean(), within(1e-10));
                assertThat(w.variance()).as("i=%s", i).isCloseTo(reference.getVariance(), within(1e-8));
            }
        }
    }

    @Test
    void test_emptyAndSmallWindows_reportInsufficientData() {
        RollingWindow w = new RollingWindow(4);
        assertThat(w.isEmpty()).isTrue();
        assertThat(w.sum()).isZero();
        assertThatThrownBy(w::mean).isInstanceOf(IllegalStateException.class).hasMessageContaining("holds 0");
        w.add(1.5);
        assertThat(w.mean()).isEqualTo(1.5);
        assertThatThrownBy(w::variance).hasMessageContaining("needs at least 2");
        w.clear();
        assertThat(w.size()).isZero();
        assertThatThrownBy(() -> w.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingWindow(0)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> w.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

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
        assertThat(w.variance()).isCloseTo(28.0 / 3, within(1e-12));
        assertThat(w.ago(0)).isEqualTo(8.0);
        assertThat(w.ago(2)).isEqualTo(2.0);
        assertThat(w.get(0)).isEqualTo(2.0);
        assertThatThrownBy(() -> w.ago(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void test_add_noDriftOverMillionUpdatesOfLargeOffsetSeries() {
        // random walk around 1e4 with tiny moves: naive running sums of squares would lose the variance
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
}
