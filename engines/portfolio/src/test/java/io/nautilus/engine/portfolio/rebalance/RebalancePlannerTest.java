package io.nautilus.engine.portfolio.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Side;
import io.nautilus.engine.portfolio.execution.PaperFillModel;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RebalancePlannerTest {
    private static final RebalancePlanner PLANNER = new RebalancePlanner(new PaperFillModel(10, 0, 0.01, 0), 100, true);

    /**
     * Value 100 000: AAPL 300 × 150 = 45 000 (45 %), MSFT 100 × 250 = 25 000 (25 %), cash 30 000. Targets 40 % AAPL,
     * 40 % MSFT, 20 % GOOG at 120: AAPL 40 000/150 = 266.67 → sell 33.33 → 33 (whole units toward zero);
     * MSFT 40 000/250 = 160 → buy 60; GOOG 20 000/120 = 166.67 → buy 166.
     */
    @Test
    void test_plan_wholeUnitsTowardsTarget() {
        var plan = PLANNER.plan(100_000, Map.of("AAPL", 300.0, "MSFT", 100.0),
                Map.of("AAPL", 150.0, "MSFT", 250.0, "GOOG", 120.0), Map.of("AAPL", 0.4, "MSFT", 0.4, "GOOG", 0.2));
        assertThat(plan.trades()).hasSize(3);
        var sell = plan.trades().get(0);
        assertThat(sell.symbol()).isEqualTo("AAPL");
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.quantity()).isEqualTo(33.0);
        assertThat(plan.trades().get(1).quantity()).isEqualTo(166.0);
        assertThat(plan.trades().get(2).quantity()).isEqualTo(60.0);
        // notional 33 × 150 + 166 × 120 + 60 × 250 = 4 950 + 19 920 + 15 000 = 39 870 → turnover 0.3987
        assertThat(plan.turnover()).isCloseTo(0.3987, within(1e-12));
        // cost: 10 bps × 39 870 = 39.87 plus 0.01 × (33 + 166 + 60) = 2.59 → 42.46
        assertThat(plan.estimatedCost()).isCloseTo(42.46, within(1e-9));
        // drift: GOOG 0 vs 0.2
        assertThat(plan.maxDrift()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void test_plan_zeroTargetClosesAndSmallTradesAreDropped() {
        var plan = PLANNER.plan(10_000, Map.of("AAPL", 2.5, "MSFT", 20.0), Map.of("AAPL", 100.0, "MSFT", 100.0),
                Map.of("MSFT", 0.205));
        // AAPL not targeted: close exactly 2.5; MSFT wants 20.5 → +0 whole units → dropped
        assertThat(plan.trades()).hasSize(1);
        assertThat(plan.trades().getFirst().quantity()).isEqualTo(2.5);
        // 2.5 × 100 = 250 ≥ min notional 100; with min notional 300 it would be dropped
        var strict = new RebalancePlanner(PaperFillModel.DEFAULT, 300, true);
        assertThat(strict.plan(10_000, Map.of("AAPL", 2.5), Map.of("AAPL", 100.0), Map.of()).trades()).isEmpty();
    }

    @Test
    void test_plan_missingPriceIsRejected() {
        assertThatThrownBy(() -> PLANNER.plan(1000, Map.of(), Map.of(), Map.of("XYZ", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XYZ");
    }
}
