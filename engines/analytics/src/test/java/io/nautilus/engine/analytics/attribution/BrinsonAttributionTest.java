package io.nautilus.engine.analytics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrinsonAttributionTest {

    private static final double EPS = 1e-15;

    /*
     * The classic three-sector example (UK, Japanese and US equities, as in Bacon, "Practical Portfolio
     * Performance Measurement and Attribution", ch. 5):
     *             wp    wb    rp     rb
     *   UK       0.40  0.40  0.20   0.10
     *   Japan    0.30  0.20 -0.05  -0.04
     *   US       0.30  0.40  0.06   0.08
     * Rp = 0.08 - 0.015 + 0.018 = 0.083; Rb = 0.04 - 0.008 + 0.032 = 0.064; active = 0.019
     * BHB allocation (wp - wb) rb:        UK 0,  Japan 0.1 * -0.04 = -0.004,        US -0.1 * 0.08 = -0.008   -> -0.012
     * BF allocation (wp - wb)(rb - Rb):   UK 0,  Japan 0.1 * (-0.104) = -0.0104,    US -0.1 * 0.016 = -0.0016 -> -0.012
     * selection wb (rp - rb):             UK 0.4 * 0.1 = 0.04, Japan 0.2 * -0.01 = -0.002, US 0.4 * -0.02 = -0.008 -> 0.030
     * interaction (wp - wb)(rp - rb):     UK 0,  Japan 0.1 * -0.01 = -0.001,         US -0.1 * -0.02 = 0.002   -> 0.001
     * -0.012 + 0.030 + 0.001 = 0.019 = Rp - Rb under both methods.
     */
    static final SectorReturns CLASSIC = new SectorReturns(List.of("UK", "Japan", "US"),
            new double[] {0.40, 0.30, 0.30}, new double[] {0.40, 0.20, 0.40},
            new double[] {0.20, -0.05, 0.06}, new double[] {0.10, -0.04, 0.08});

    /*
     * A second period over the same sectors:
     *             wp    wb    rp     rb
     *   UK       0.50  0.40  0.10   0.08
     *   Japan    0.30  0.40  0.04   0.05
     *   US       0.20  0.20  0.02   0.02
     * Rp = 0.05 + 0.012 + 0.004 = 0.066; Rb = 0.032 + 0.02 + 0.004 = 0.056; active 0.010
     * BHB allocation 0.1 * 0.08 = 0.008, -0.1 * 0.05 = -0.005, 0        -> 0.003
     * BF allocation  0.1 * 0.024 = 0.0024, -0.1 * -0.006 = 0.0006, 0    -> 0.003
     * selection 0.4 * 0.02 = 0.008, 0.4 * -0.01 = -0.004, 0             -> 0.004
     * interaction 0.1 * 0.02 = 0.002, -0.1 * -0.01 = 0.001, 0           -> 0.003
     */
    static final SectorReturns SECOND = new SectorReturns(List.of("UK", "Japan", "US"),
            new double[] {0.50, 0.30, 0.20}, new double[] {0.40, 0.40, 0.20},
            new double[] {0.10, 0.04, 0.02}, new double[] {0.08, 0.05, 0.02});

    @Test
    void test_of_classicExampleBrinsonHoodBeebower() {
        BrinsonAttribution a = BrinsonAttribution.of(CLASSIC, BrinsonMethod.BRINSON_HOOD_BEEBOWER);

        assertThat(a.portfolioReturn()).isEqualTo(0.083, within(EPS));
        assertThat(a.benchmarkReturn()).isEqualTo(0.064, within(EPS));
        assertThat(a.allocation()).containsExactly(new double[] {0, -0.004, -0.008}, within(EPS));
        assertThat(a.selection()).containsExactly(new double[] {0.04, -0.002, -0.008}, within(EPS));
        assertThat(a.interaction()).containsExactly(new double[] {0, -0.001, 0.002}, within(EPS));
        assertThat(a.totalAllocation()).isEqualTo(-0.012, within(EPS));
        assertThat(a.totalSelection()).isEqualTo(0.030, within(EPS));
        assertThat(a.totalInteraction()).isEqualTo(0.001, within(EPS));
        assertThat(a.totalEffect()).isEqualTo(a.activeReturn(), within(EPS)).isEqualTo(0.019, within(EPS));
    }

    @Test
    void test_of_classicExampleBrinsonFachler() {
        BrinsonAttribution a = BrinsonAttribution.of(CLASSIC, BrinsonMethod.BRINSON_FACHLER);

        assertThat(a.allocation()).containsExactly(new double[] {0, -0.0104, -0.0016}, within(EPS));
        assertThat(a.selection()).containsExactly(new double[] {0.04, -0.002, -0.008}, within(EPS));
        assertThat(a.interaction()).containsExactly(new double[] {0, -0.001, 0.002}, within(EPS));
        assertThat(a.totalAllocation()).isEqualTo(-0.012, within(EPS));
        assertThat(a.totalEffect()).isEqualTo(a.activeReturn(), within(EPS)).isEqualTo(0.019, within(EPS));
    }

    @Test
    void test_of_secondPeriodBothMethods() {
        BrinsonAttribution bhb = BrinsonAttribution.of(SECOND, BrinsonMethod.BRINSON_HOOD_BEEBOWER);
        BrinsonAttribution bf = BrinsonAttribution.of(SECOND, BrinsonMethod.BRINSON_FACHLER);

        assertThat(bhb.allocation()).containsExactly(new double[] {0.008, -0.005, 0}, within(EPS));
        assertThat(bf.allocation()).containsExactly(new double[] {0.0024, 0.0006, 0}, within(EPS));
        assertThat(bhb.selection()).containsExactly(new double[] {0.008, -0.004, 0}, within(EPS));
        assertThat(bhb.interaction()).containsExactly(new double[] {0.002, 0.001, 0}, within(EPS));
        assertThat(bhb.activeReturn()).isEqualTo(0.010, within(EPS));
        assertThat(bhb.totalEffect()).isEqualTo(0.010, within(EPS));
        assertThat(bf.totalEffect()).isEqualTo(0.010, within(EPS));
    }

    @Test
    void test_allocation_isDefensivelyCopied() {
        BrinsonAttribution a = BrinsonAttribution.of(CLASSIC, BrinsonMethod.BRINSON_FACHLER);

        a.allocation()[1] = 99;

        assertThat(a.allocation()[1]).isEqualTo(-0.0104, within(EPS));
    }
}
