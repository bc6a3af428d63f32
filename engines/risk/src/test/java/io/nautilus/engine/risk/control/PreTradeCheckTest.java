package io.nautilus.engine.risk.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Side;
import io.nautilus.engine.risk.limit.BookFixture;
import io.nautilus.engine.risk.limit.ExposureBook;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitMeasures;
import io.nautilus.engine.risk.limit.LimitScope;
import io.nautilus.engine.risk.limit.LimitType;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Pre-trade rules on {@link BookFixture} (A: 100 @ 48, B: -40 @ 100, C: 200 @ 10; gross 10,800). */
class PreTradeCheckTest {
    private static final long NOW = BookFixture.T0 + 10;
    private final ExposureBook book = BookFixture.book();
    private final LimitMeasures now = new LimitMeasures(book);
    private final LimitMeasures after = new LimitMeasures(book);
    private final PreTradeCheck check = new PreTradeCheck();

    private static OrderIntent order(String id, String strategy, String symbol, Side side, double qty, OrderType type,
                                     double limitPrice, boolean reduceOnly) {
        return new OrderIntent(id, "p1", strategy, symbol, side, qty, type, limitPrice, reduceOnly, NOW);
    }

    private static OrderIntent market(String symbol, Side side, double qty) {
        return order("o1", "s1", symbol, side, qty, OrderType.MARKET, Double.NaN, false);
    }

    private RiskDecision run(OrderIntent o, List<LimitDefinition> limits, OrderControls controls, TradingState state,
                             double last, long at) {
        return check.check(o, book, now, after, limits, controls, state, last, at, false);
    }

    private RiskDecision run(OrderIntent o, OrderControls controls, TradingState state) {
        return run(o, List.of(), controls, state, 48, NOW);
    }

    @Test
    void test_check_activeWithoutControlsApproves() {
        RiskDecision d = run(market("A", Side.BUY, 10), OrderControls.NONE, TradingState.ACTIVE);
        assertThat(d.approved()).isTrue();
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void test_check_haltedRejectsEverything() {
        RiskDecision d = run(market("A", Side.SELL, 10), OrderControls.NONE, TradingState.HALTED);
        assertThat(d.approved()).isFalse();
        assertThat(d.reasons()).containsExactly(ReasonCodes.TRADING_HALTED);
    }

    @Test
    void test_check_reducingLetsOnlyReductionsThrough() {
        assertThat(run(market("A", Side.SELL, 40), OrderControls.NONE, TradingState.REDUCING).approved()).isTrue();
        assertThat(run(market("A", Side.BUY, 1), OrderControls.NONE, TradingState.REDUCING).reasons())
                .containsExactly(ReasonCodes.TRADING_REDUCING);
        // selling 150 of a 100 long flips the position: not a reduction
        assertThat(run(market("A", Side.SELL, 150), OrderControls.NONE, TradingState.REDUCING).approved()).isFalse();
        // B is short 40: buying 40 closes it
        assertThat(run(market("B", Side.BUY, 40), OrderControls.NONE, TradingState.REDUCING).approved()).isTrue();
        // no position in D: nothing to reduce
        assertThat(run(market("D", Side.SELL, 1), OrderControls.NONE, TradingState.REDUCING).approved()).isFalse();
    }

    @Test
    void test_check_reduceOnlyFlag() {
        var ok = order("o", "s", "A", Side.SELL, 100, OrderType.MARKET, Double.NaN, true);
        var bad = order("o", "s", "A", Side.BUY, 1, OrderType.MARKET, Double.NaN, true);
        assertThat(run(ok, OrderControls.NONE, TradingState.ACTIVE).approved()).isTrue();
        assertThat(run(bad, OrderControls.NONE, TradingState.ACTIVE).reasons()).containsExactly(ReasonCodes.REDUCE_ONLY);
    }

    @Test
    void test_check_orderLevelControls() {
        var controls = new OrderControls(100, 5_000, 0.05, Set.of("C"), 0, 0);
        assertThat(run(market("A", Side.BUY, 100), controls, TradingState.ACTIVE).approved()).isTrue();
        assertThat(run(market("A", Side.BUY, 105), controls, TradingState.ACTIVE).reasons())
                .containsExactly(ReasonCodes.MAX_QUANTITY, ReasonCodes.MAX_NOTIONAL);
        // 105 x 48 = 5,040 > 5,000; 100 x 48 = 4,800 <= 5,000; 100 x 50.3 (limit) = 5,030 > 5,000 and 50.3 / 48 - 1 = 4.8% is inside the collar
        var limit = order("o", "s", "A", Side.BUY, 100, OrderType.LIMIT, 50.3, false);
        assertThat(run(limit, controls, TradingState.ACTIVE).reasons()).containsExactly(ReasonCodes.MAX_NOTIONAL);
        var outside = order("o", "s", "A", Side.BUY, 10, OrderType.LIMIT, 50.5, false);
        assertThat(run(outside, controls, TradingState.ACTIVE).reasons()).containsExactly(ReasonCodes.PRICE_COLLAR);
        assertThat(run(market("C", Side.BUY, 1), controls, TradingState.ACTIVE).reasons())
                .containsExactly(ReasonCodes.RESTRICTED_SYMBOL);
    }

    @Test
    void test_check_marketOrderWithoutPriceIsRejected() {
        RiskDecision d = run(market("Z", Side.BUY, 1), List.of(), OrderControls.NONE, TradingState.ACTIVE, Double.NaN, NOW);
        assertThat(d.reasons()).containsExactly(ReasonCodes.NO_PRICE);
        var collared = new OrderControls(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.05, Set.of(), 0, 0);
        var limitOrder = order("o", "s", "Z", Side.BUY, 1, OrderType.LIMIT, 10, false);
        assertThat(run(limitOrder, List.of(), collared, TradingState.ACTIVE, Double.NaN, NOW).reasons())
                .containsExactly(ReasonCodes.NO_PRICE);
    }

    @Test
    void test_check_throttlePerPortfolioSlidesOverOneSecond() {
        var controls = new OrderControls(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Set.of(), 3, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(run(market("A", Side.BUY, 1), List.of(), controls, TradingState.ACTIVE, 48, NOW + i).approved()).isTrue();
        }
        assertThat(run(market("A", Side.BUY, 1), List.of(), controls, TradingState.ACTIVE, 48, NOW + 999_999_999L).reasons())
                .containsExactly(ReasonCodes.THROTTLE_PORTFOLIO);
        // one second after the first order, one slot is free again
        assertThat(run(market("A", Side.BUY, 1), List.of(), controls, TradingState.ACTIVE, 48, NOW + 1_000_000_000L).approved()).isTrue();
    }

    @Test
    void test_check_throttlePerStrategyIsIndependentPerStrategy() {
        var controls = new OrderControls(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Set.of(), 0, 2);
        for (int i = 0; i < 2; i++) {
            assertThat(run(order("o", "s1", "A", Side.BUY, 1, OrderType.MARKET, Double.NaN, false), controls,
                    TradingState.ACTIVE).approved()).isTrue();
        }
        assertThat(run(order("o", "s1", "A", Side.BUY, 1, OrderType.MARKET, Double.NaN, false), controls,
                TradingState.ACTIVE).reasons()).containsExactly(ReasonCodes.THROTTLE_STRATEGY);
        assertThat(run(order("o", "s2", "A", Side.BUY, 1, OrderType.MARKET, Double.NaN, false), controls,
                TradingState.ACTIVE).approved()).isTrue();
    }

    @Test
    void test_check_rejectedOrdersDoNotUseTheThrottle() {
        var controls = new OrderControls(5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Set.of(), 1, 0);
        assertThat(run(market("A", Side.BUY, 6), controls, TradingState.ACTIVE).approved()).isFalse();
        assertThat(run(market("A", Side.BUY, 5), controls, TradingState.ACTIVE).approved()).isTrue();
    }

    @Test
    void test_check_limitsAfterTheOrder() {
        // gross 10,800 now; buying 50 A at 48 makes it 13,200
        var limit = LimitDefinition.of("gv", LimitType.PORTFOLIO_VALUE, 13_000, LimitScope.PORTFOLIO, "p1", null, null);
        RiskDecision d = run(market("A", Side.BUY, 50), List.of(limit), OrderControls.NONE, TradingState.ACTIVE, 48, NOW);
        assertThat(d.approved()).isFalse();
        assertThat(d.reasons()).containsExactly("LIMIT_BREACH:portfolio_value:gv");
        // 12,000 after buying 25: 92% of 13,000, a warning remark
        RiskDecision w = run(market("A", Side.BUY, 25), List.of(limit), OrderControls.NONE, TradingState.ACTIVE, 48, NOW);
        assertThat(w.approved()).isTrue();
        assertThat(w.reasons()).containsExactly("LIMIT_WARNING:portfolio_value:gv");
    }

    @Test
    void test_check_orderReducingAnExistingBreachPasses() {
        // gross 10,800 is already over 10,000; selling 10 A lowers it to 10,320 (still over): allowed, remarked
        var limit = LimitDefinition.of("gv", LimitType.PORTFOLIO_VALUE, 10_000, LimitScope.PORTFOLIO, "p1", null, null);
        RiskDecision d = run(market("A", Side.SELL, 10), List.of(limit), OrderControls.NONE, TradingState.ACTIVE, 48, NOW);
        assertThat(d.approved()).isTrue();
        assertThat(d.reasons()).containsExactly("LIMIT_WARNING:portfolio_value:gv");
    }

    @Test
    void test_check_modelLimitWithASymbolOutsideTheModelFailsClosedNamingIt() {
        // Z has no history in the model: the VaR after buying it cannot be measured, so the order is rejected
        var limit = LimitDefinition.of("v", LimitType.VAR_LIMIT, 1_000_000, LimitScope.PORTFOLIO, "p1", null, null);
        RiskDecision d = run(market("Z", Side.BUY, 1), List.of(limit), OrderControls.NONE, TradingState.ACTIVE, 5, NOW);
        assertThat(d.approved()).isFalse();
        assertThat(d.reasons()).containsExactly("NO_HISTORY:var_limit:v:Z");
    }

    @Test
    void test_check_unmeasurableLimitWithoutAModelCauseIsARemark() {
        // Z has no ADV: the adv limit cannot be measured, which is a remark, not a rejection
        var limit = LimitDefinition.of("adv", LimitType.ADV_LIMIT, 1, LimitScope.PORTFOLIO, "p1", null, null);
        RiskDecision d = run(market("Z", Side.BUY, 1), List.of(limit), OrderControls.NONE, TradingState.ACTIVE, 5, NOW);
        assertThat(d.approved()).isTrue();
        assertThat(d.reasons()).containsExactly("NO_DATA:adv_limit:adv");
    }

    @Test
    void test_check_dryRunUsesNoThrottleBudget() {
        var controls = new OrderControls(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Set.of(), 1, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(check.check(market("A", Side.BUY, 1), book, now, after, List.of(), controls,
                    TradingState.ACTIVE, 48, NOW, true).approved()).isTrue();
        }
        // the one order per second is still there for the real order, and then used up
        assertThat(run(market("A", Side.BUY, 1), controls, TradingState.ACTIVE).approved()).isTrue();
        assertThat(run(market("A", Side.BUY, 1), controls, TradingState.ACTIVE).reasons())
                .containsExactly(ReasonCodes.THROTTLE_PORTFOLIO);
    }
}
