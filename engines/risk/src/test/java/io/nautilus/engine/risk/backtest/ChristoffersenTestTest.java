package io.nautilus.engine.risk.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class ChristoffersenTestTest {
    /** 20 days, exceptions clustered: 0 0 1 1 0 0 0 1 0 0 0 0 0 0 1 1 1 0 0 0. */
    private static final boolean[] HITS = bits("00110001000000111000");

    @Test
    void test_test_workedExample() {
        // transitions by hand: n00 = 10, n01 = 3, n10 = 3, n11 = 3 (19 transitions)
        // pi0 = 3/13, pi1 = 3/6, pi = 6/19
        // LR_ind = -2 [13 ln(13/19) + 6 ln(6/19)] + 2 [10 ln(10/13) + 3 ln(3/13) + 3 ln(1/2) + 3 ln(1/2)]
        //        = 1.3358104147583951
        // LR_pof (T = 19, x = 6, p = 0.05) + LR_ind = 14.91933906789448
        ChristoffersenTest.Result r = ChristoffersenTest.test(HITS, 0.05);
        assertThat(new int[] {r.n00(), r.n01(), r.n10(), r.n11()}).containsExactly(10, 3, 3, 3);
        assertThat(r.lrIndependence()).isCloseTo(1.3358104147583951, within(1e-10));
        assertThat(r.pValueIndependence()).isCloseTo(0.2477741635278911, within(1e-10));
        assertThat(r.lrConditionalCoverage()).isCloseTo(14.91933906789448, within(1e-10));
        assertThat(r.pValueConditionalCoverage())
                .isCloseTo(1 - new ChiSquaredDistribution(2).cumulativeProbability(14.91933906789448), within(1e-12));
    }

    @Test
    void test_test_manualFormulaAgrees() {
        double pi = 6.0 / 19;
        double pi0 = 3.0 / 13;
        double lr = -2 * (13 * Math.log(1 - pi) + 6 * Math.log(pi))
                + 2 * (10 * Math.log(1 - pi0) + 3 * Math.log(pi0) + 6 * Math.log(0.5));
        assertThat(ChristoffersenTest.test(HITS, 0.05).lrIndependence()).isCloseTo(lr, within(1e-12));
    }

    @Test
    void test_test_noExceptionsIsIndependent() {
        ChristoffersenTest.Result r = ChristoffersenTest.test(new boolean[250], 0.01);
        assertThat(r.lrIndependence()).isCloseTo(0.0, within(1e-12));
        assertThat(r.pValueIndependence()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void test_test_rejectsTooShortSeries() {
        assertThatThrownBy(() -> ChristoffersenTest.test(new boolean[1], 0.01)).hasMessageContaining("at least 2");
    }

    private static boolean[] bits(String s) {
        boolean[] b = new boolean[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = s.charAt(i) == '1';
        }
        return b;
    }
}
