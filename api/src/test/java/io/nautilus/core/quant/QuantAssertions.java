package io.nautilus.core.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

/** Shared test helpers: element-wise matrix comparison and seeded random matrices. */
public final class QuantAssertions {

    private QuantAssertions() {
    }

    /** Asserts equal shapes and |actual - expected| &lt;= tolerance element-wise. */
    public static void assertClose(double[][] actual, double[][] expected, double tolerance) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%s][%s]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    /** @return an n x m matrix of uniform(-1, 1) draws from a seeded SplittableRandom */
    public static double[][] random(int n, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] a = new double[n][m];
        for (double[] row : a) {
            for (int j = 0; j < m; j++) {
                row[j] = rnd.nextDouble(-1, 1);
            }
        }
        return a;
    }
}
