package io.nautilus.engine.analytics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectorReturnsTest {

    private static final List<String> SECTORS = List.of("A", "B");

    @Test
    void test_portfolioAndBenchmarkReturn_areWeightedSums() {
        // 0.6 * 0.10 + 0.4 * -0.05 = 0.04; 0.5 * 0.08 + 0.5 * 0.00 = 0.04
        SectorReturns s = new SectorReturns(SECTORS, new double[] {0.6, 0.4}, new double[] {0.5, 0.5},
                new double[] {0.10, -0.05}, new double[] {0.08, 0.00});

        assertThat(s.portfolioReturn()).isEqualTo(0.04, within(1e-15));
        assertThat(s.benchmarkReturn()).isEqualTo(0.04, within(1e-15));
    }

    @Test
    void test_new_rejectsBadInput() {
        double[] half = {0.5, 0.5};
        assertThatThrownBy(() -> new SectorReturns(SECTORS, new double[] {0.6, 0.5}, half, half, half))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("portfolio_weights sum to 1.1");
        assertThatThrownBy(() -> new SectorReturns(SECTORS, half, half, new double[] {0.1}, half))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("portfolio_returns has 1 values for 2 sectors; give one per sector");
        assertThatThrownBy(() -> new SectorReturns(SECTORS, half, half, half, new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("benchmark_returns[1] is NaN, must be finite");
        assertThatThrownBy(() -> new SectorReturns(List.of("A", "A"), half, half, half, half))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicates");
    }
}
