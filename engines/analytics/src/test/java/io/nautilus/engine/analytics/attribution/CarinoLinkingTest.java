package io.nautilus.engine.analytics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.engine.analytics.SharedDataFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CarinoLinkingTest {

    /*
     * Hand-derived two-period link (BHB) of BrinsonAttributionTest.CLASSIC (Rp 0.083, Rb 0.064) then SECOND
     * (Rp 0.066, Rb 0.056):
     * Rp = 1.083 * 1.066 - 1 = 0.154478, Rb = 1.064 * 1.056 - 1 = 0.123584, active 0.030894
     * k1 = ln(1.083 / 1.064) / 0.019 = 0.931556689442, k2 = ln(1.066 / 1.056) / 0.010 = 0.942514045958,
     * K = ln(1.154478 / 1.123584) / 0.030894 = 0.877993058813
     * UK allocation (0 k1 + 0.008 k2) / K = 0.008587895191; Japan (-0.004 k1 - 0.005 k2) / K = -0.009611462076;
     * US (-0.008 k1 + 0 k2) / K = -0.008488055163; total allocation -0.009511622047
     * UK selection (0.04 k1 + 0.008 k2) / K = 0.051028171004; total selection 0.036124154455
     * total interaction 0.004281467592; -0.009511622047 + 0.036124154455 + 0.004281467592 = 0.030894
     */
    @Test
    void test_link_handDerivedTwoPeriods() {
        BrinsonAttribution linked = CarinoLinking.link(List.of(
                BrinsonAttribution.of(BrinsonAttributionTest.CLASSIC, BrinsonMethod.BRINSON_HOOD_BEEBOWER),
                BrinsonAttribution.of(BrinsonAttributionTest.SECOND, BrinsonMethod.BRINSON_HOOD_BEEBOWER)));

        assertThat(CarinoLinking.coefficient(0.083, 0.064)).isEqualTo(0.931556689442, within(1e-12));
        assertThat(CarinoLinking.coefficient(0.154478, 0.123584)).isEqualTo(0.877993058813, within(1e-12));
        assertThat(linked.portfolioReturn()).isEqualTo(0.154478, within(1e-15));
        assertThat(linked.benchmarkReturn()).isEqualTo(0.123584, within(1e-15));
        assertThat(linked.allocation())
                .containsExactly(new double[] {0.008587895191, -0.009611462076, -0.008488055163}, within(1e-12));
        assertThat(linked.selection()[0]).isEqualTo(0.051028171004, within(1e-12));
        assertThat(linked.totalAllocation()).isEqualTo(-0.009511622047, within(1e-12));
        assertThat(linked.totalSelection()).isEqualTo(0.036124154455, within(1e-12));
        assertThat(linked.totalInteraction()).isEqualTo(0.004281467592, within(1e-12));
        assertThat(linked.totalEffect()).isEqualTo(0.030894, within(1e-14));
    }

    @Test
    void test_link_singlePeriodIsUnchanged() {
        BrinsonAttribution one = BrinsonAttribution.of(BrinsonAttributionTest.CLASSIC, BrinsonMethod.BRINSON_FACHLER);

        BrinsonAttribution linked = CarinoLinking.link(List.of(one));

        assertThat(linked.allocation()).containsExactly(one.allocation(), within(1e-16));
        assertThat(linked.selection()).containsExactly(one.selection(), within(1e-16));
        assertThat(linked.interaction()).containsExactly(one.interaction(), within(1e-16));
    }

    @Test
    void test_coefficient_equalReturnsAndNearlyEqualReturns() {
        // the limit of (ln(1 + p) - ln(1 + b)) / (p - b) as p -> b is the derivative 1 / (1 + b)
        assertThat(CarinoLinking.coefficient(0.05, 0.05)).isEqualTo(1 / 1.05, within(1e-16));
        assertThat(CarinoLinking.coefficient(0.05 + 1e-13, 0.05)).isEqualTo(1 / 1.05, within(1e-12));
        assertThatThrownBy(() -> CarinoLinking.coefficient(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /*
     * Real data: four "sectors" (DAX, SMI, CAC, FTSE), 24 periods of 21 trading days. The benchmark holds fixed
     * weights and earns each index's compounded return over days [21t, 21t + 21); the portfolio tilts its weights
     * every period and earns each index over the days shifted by one, [21t + 1, 21t + 22), so every effect is
     * non-zero. The linked effects must add up to prod(1 + Rp_t) - prod(1 + Rb_t), compounded here independently.
     */
    @ParameterizedTest
    @EnumSource(BrinsonMethod.class)
    void test_link_europeanIndicesSumToCompoundedActiveReturn(BrinsonMethod method) {
        double[][] index = {SharedDataFixture.daxReturns(), SharedDataFixture.smiReturns(),
                SharedDataFixture.cacReturns(), SharedDataFixture.ftseReturns()};
        double[] benchmarkWeights = {0.30, 0.20, 0.25, 0.25};
        List<BrinsonAttribution> periods = new ArrayList<>();
        double portfolioGrowth = 1;
        double benchmarkGrowth = 1;
        for (int t = 0; t < 24; t++) {
            double tilt = 0.05 * ((t % 5) - 2);
            double[] portfolioWeights = {0.30 + tilt, 0.20 - tilt, 0.25 + 2 * tilt, 0.25 - 2 * tilt};
            double[] rp = new double[4];
            double[] rb = new double[4];
            double periodRp = 0;
            double periodRb = 0;
            for (int s = 0; s < 4; s++) {
                rb[s] = compounded(index[s], 21 * t, 21 * t + 21);
                rp[s] = compounded(index[s], 21 * t + 1, 21 * t + 22);
                periodRp += portfolioWeights[s] * rp[s];
                periodRb += benchmarkWeights[s] * rb[s];
            }
            portfolioGrowth *= 1 + periodRp;
            benchmarkGrowth *= 1 + periodRb;
            periods.add(BrinsonAttribution.of(new SectorReturns(List.of("DAX", "SMI", "CAC", "FTSE"),
                    portfolioWeights, benchmarkWeights, rp, rb), method));
        }

        BrinsonAttribution linked = CarinoLinking.link(periods);

        double active = portfolioGrowth - benchmarkGrowth;
        assertThat(linked.portfolioReturn()).isEqualTo(portfolioGrowth - 1, within(1e-13));
        assertThat(linked.benchmarkReturn()).isEqualTo(benchmarkGrowth - 1, within(1e-13));
        assertThat(Math.abs(active)).isGreaterThan(1e-3);
        assertThat(linked.totalEffect()).isEqualTo(active, within(1e-12));
        assertThat(linked.totalEffect()).isEqualTo(linked.activeReturn(), within(1e-12));
    }

    @Test
    void test_link_rejectsMismatchedSectors() {
        BrinsonAttribution a = BrinsonAttribution.of(BrinsonAttributionTest.CLASSIC, BrinsonMethod.BRINSON_FACHLER);
        BrinsonAttribution b = new BrinsonAttribution(List.of("UK", "US", "Japan"), a.allocation(), a.selection(),
                a.interaction(), a.portfolioReturn(), a.benchmarkReturn());

        assertThatThrownBy(() -> CarinoLinking.link(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("periods[1] has sectors");
        assertThatThrownBy(() -> CarinoLinking.link(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static double compounded(double[] returns, int from, int to) {
        double growth = 1;
        for (int i = from; i < to; i++) {
            growth *= 1 + returns[i];
        }
        return growth - 1;
    }
}
