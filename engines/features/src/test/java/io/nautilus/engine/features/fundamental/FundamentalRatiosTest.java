package io.nautilus.engine.features.fundamental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fundamental ratios against hand-computed values (each fixture's arithmetic is in its comment); ln values
 * from ln(a x 10^k) = ln(a) + k ln(10) with ln(1.5) = 0.4054651081081644, ln(2) = 0.6931471805599453,
 * ln(10) = 2.302585092994046.
 */
class FundamentalRatiosTest {

    private static final FundamentalRatios RATIOS = FundamentalRatios.DEFAULT;

    // price 150, 1e9 shares -> market cap 1.5e11; eps 6; book value per share 30; sales 6e10; net income 6e9;
    // equity 3e10; debt 1.5e10
    private static final Fundamentals FULL = new Fundamentals(150.0, null, 1e9, 6.0, null, 30.0, 6e10, 6e9, 3e10,
            1.5e10, null, null, null);

    @Test
    void test_compute_fullInputsGiveEveryRatio() {
        var r = RATIOS.compute(FULL);
        Map<String, Double> v = r.values();
        assertThat(v.keySet()).containsExactly("pe_ratio", "earnings_yield", "pb_ratio", "ps_ratio", "roe",
                "debt_to_equity", "log_market_cap");
        assertThat(v.get("pe_ratio")).isCloseTo(25.0, within(1e-12));          // 150 / 6
        assertThat(v.get("earnings_yield")).isCloseTo(0.04, within(1e-15));    // 6 / 150
        assertThat(v.get("pb_ratio")).isCloseTo(5.0, within(1e-12));           // 150 / 30
        assertThat(v.get("ps_ratio")).isCloseTo(2.5, within(1e-12));           // 1.5e11 / 6e10
        assertThat(v.get("roe")).isCloseTo(0.2, within(1e-15));                // 6e9 / 3e10
        assertThat(v.get("debt_to_equity")).isCloseTo(0.5, within(1e-15));     // 1.5e10 / 3e10
        // ln(1.5e11) = 0.4054651081081644 + 11 x 2.302585092994046
        assertThat(v.get("log_market_cap")).isCloseTo(25.733901131042668, within(1e-12));
        assertThat(r.omitted()).isEmpty();
        assertThat(r.features().get(0).unit()).isEqualTo("multiple");
        assertThat(r.features().get(1).unit()).isEqualTo("fraction per year");
        assertThat(r.features().get(3).formula()).isEqualTo("price * shares_outstanding / sales");
    }

    @Test
    void test_compute_marketCapPathUsesNetIncomeAndBookValue() {
        // market cap 1e10, net income 5e8 -> P/E 20, yield 0.05; book value 2.5e9 -> P/B 4, ROE 5e8/2.5e9 = 0.2
        var f = new Fundamentals(null, 1e10, null, null, 2.5e9, null, null, 5e8, null, null, null, null, null);
        var r = RATIOS.compute(f);
        assertThat(r.values().get("pe_ratio")).isCloseTo(20.0, within(1e-12));
        assertThat(r.values().get("earnings_yield")).isCloseTo(0.05, within(1e-15));
        assertThat(r.values().get("pb_ratio")).isCloseTo(4.0, within(1e-12));
        assertThat(r.values().get("roe")).isCloseTo(0.2, within(1e-15));
        assertThat(r.omitted()).containsOnlyKeys("ps_ratio", "debt_to_equity");
        assertThat(r.omitted().get("ps_ratio")).contains("sales");
    }

    @Test
    void test_compute_seedBodyPassesReportedRatiosThrough() {
        // the old client's body: market cap 2e9 with reported P/E 20 and P/B 4 -> yield 1/20; ln(2e9) = ln 2 + 9 ln 10
        var f = new Fundamentals(null, 2e9, null, null, null, null, null, null, null, null, 20.0, 4.0, null);
        var r = RATIOS.compute(f);
        assertThat(r.values()).containsOnlyKeys("pe_ratio", "earnings_yield", "pb_ratio", "log_market_cap");
        assertThat(r.values().get("pe_ratio")).isEqualTo(20.0);
        assertThat(r.features().get(0).formula()).isEqualTo("reported");
        assertThat(r.values().get("earnings_yield")).isCloseTo(0.05, within(1e-15));
        assertThat(r.values().get("pb_ratio")).isEqualTo(4.0);
        assertThat(r.values().get("log_market_cap")).isCloseTo(21.41641301750636, within(1e-12));
        assertThat(r.omitted()).containsOnlyKeys("ps_ratio", "roe", "debt_to_equity");
    }

    @Test
    void test_compute_negativeEarningsOmitPeButKeepNegativeYield() {
        // price 50, eps -2 -> P/E undefined, yield -2/50 = -0.04; equity -1e6 -> ROE and D/E undefined
        var f = new Fundamentals(50.0, null, null, -2.0, null, null, null, 1e6, -1e6, 2e6, null, null, null);
        var r = RATIOS.compute(f);
        assertThat(r.values()).doesNotContainKey("pe_ratio");
        assertThat(r.omitted().get("pe_ratio")).contains("eps is not positive");
        assertThat(r.values().get("earnings_yield")).isCloseTo(-0.04, within(1e-15));
        assertThat(r.omitted().get("roe")).contains("equity is not positive");
        assertThat(r.omitted().get("debt_to_equity")).contains("equity is not positive");
    }

    @Test
    void test_compute_nothingPostedOmitsEverything() {
        var r = RATIOS.compute(Fundamentals.empty());
        assertThat(r.features()).isEmpty();
        assertThat(r.omitted().keySet()).containsExactlyElementsOf(FundamentalRatios.NAMES);
    }

    @Test
    void test_fundamentals_rejectsInvalidInputsNamingTheField() {
        assertThatThrownBy(() -> new Fundamentals(-1.0, null, null, null, null, null, null, null, null, null, null,
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("price must be > 0");
        assertThatThrownBy(() -> new Fundamentals(null, null, null, null, null, null, null, null, null, -5.0, null,
                null, null)).hasMessageStartingWith("debt must be >= 0");
        assertThatThrownBy(() -> new Fundamentals(null, null, null, Double.NaN, null, null, null, null, null, null,
                null, null, null)).hasMessageStartingWith("eps must be a finite number");
    }
}
