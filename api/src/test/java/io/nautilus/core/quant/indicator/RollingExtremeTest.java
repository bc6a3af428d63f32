package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RollingExtremeTest {

    @Test
    void test_add_matchesScanOnSeededSeriesWithTies() {
        SplittableRandom random = new SplittableRandom(7);
        int window = 9;
        double[] x = new double[5_000];
        RollingExtreme max = RollingExtreme.max(window);
        RollingExtreme min = RollingExtreme.min(window);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(20); // many ties
            max.add(x[i]);
            min.add(x[i]);
            int from = Math.max(0, i - window + 1);
            int maxAt = from;
            int minAt = from;
            for (int j = from; j <= i; j++) {
                if (x[j] >= x[maxAt]) {
                    maxAt = j;
                }
                if (x[j] <= x[minAt]) {
                    minAt = j;
                }
            }
            assertThat(max.value()).isEqualTo(x[maxAt]);
            assertThat(max.age()).as("latest tie wins").isEqualTo(i - maxAt);
            assertThat(min.value()).isEqualTo(x[minAt]);
            assertThat(min.age()).isEqualTo(i - minAt);
        }
    }

    @Test
    void test_isFull_afterWindowAdds() {
        RollingExtreme max = RollingExtreme.max(3);
        max.add(1);
        max.add(2);
        assertThat(max.isFull()).isFalse();
        max.add(0);
        assertThat(max.isFull()).isTrue();
        assertThat(max.value()).isEqualTo(2.0);
        assertThat(max.age()).isEqualTo(1);
    }
}
