package io.nautilus.engine.analytics.pnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PositionUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PnlLedgerTest {
    private static final double CAPITAL = 100_000;
    private static final long T = 1_700_000_000_000_000_000L;

    /*
     * Worked case, average cost, by hand:
     *  BUY 100 @ 10 fee 1        -> q 100, cost 10, fees 1
     *  quote mid 12              -> unrealized 100 * (12 - 10) = 200
     *  BUY 50 @ 13 fee 0.5       -> cost (100 * 10 + 50 * 13) / 150 = 11, q 150; unrealized 150 * (12 - 11) = 150
     *  SELL 200 @ 14 fee 2       -> closes 150: realized 150 * (14 - 11) = 450; short 50 opened at 14; fees 3.5
     *                               unrealized at mark 12: -50 * (12 - 14) = 100
     *  trade @ 15                -> unrealized -50 * (15 - 14) = -50; equity 100000 + 450 - 50 - 3.5 = 100396.5
     *  BUY 50 @ 13 fee 0         -> covers the short: realized += 50 * (14 - 13) = 50 -> 500; flat, cost 0
     *                               equity 100000 + 500 - 3.5 = 100496.5
     */
    @Test
    void test_onFill_workedAverageCostCase() {
        var ledger = new PnlLedger(CAPITAL);
        ledger.onFill("P", "AAPL", 100, 10, 1, T);
        ledger.onPrice("AAPL", 12);
        assertPnl(ledger.snapshot("P", T), 0, 200, 1, 100_199);

        ledger.onFill("P", "AAPL", 50, 13, 0.5, T + 1);
        PositionSnapshot p = ledger.snapshot("P", T).positions().getFirst();
        assertThat(p.averageCost()).isEqualTo(11, within(1e-12));
        assertThat(p.quantity()).isEqualTo(150, within(1e-12));
        assertPnl(ledger.snapshot("P", T), 0, 150, 1.5, 100_148.5);

        ledger.onFill("P", "AAPL", -200, 14, 2, T + 2);
        p = ledger.snapshot("P", T).positions().getFirst();
        assertThat(p.quantity()).isEqualTo(-50, within(1e-12));
        assertThat(p.averageCost()).isEqualTo(14, within(1e-12));
        assertPnl(ledger.snapshot("P", T), 450, 100, 3.5, 100_546.5);

        ledger.onPrice("AAPL", 15);
        assertPnl(ledger.snapshot("P", T), 450, -50, 3.5, 100_396.5);

        ledger.onFill("P", "AAPL", 50, 13, 0, T + 3);
        p = ledger.snapshot("P", T).positions().getFirst();
        assertThat(p.quantity()).isZero();
        assertThat(p.averageCost()).isZero();
        assertPnl(ledger.snapshot("P", T), 500, 0, 3.5, 100_496.5);
    }

    /*
     * Two portfolios in the same symbol, one long one short, marked by one price:
     * A: BUY 10 @ 100 -> at 104: +40; B: SELL 5 @ 102 -> at 104: -10.
     */
    @Test
    void test_onPrice_marksEveryHolderOfTheSymbol() {
        var ledger = new PnlLedger(CAPITAL);
        ledger.onFill("A", "MSFT", 10, 100, 0, T);
        ledger.onFill("B", "MSFT", -5, 102, 0, T);
        ledger.onFill("B", "IBM", 1, 50, 0, T);
        ledger.drainChanged(T);
        ledger.onPrice("MSFT", 104);
        var changed = ledger.drainChanged(T);
        assertThat(changed).extracting(PortfolioSnapshot::portfolioId).containsExactly("A", "B");
        assertThat(changed.get(0).unrealized()).isEqualTo(40, within(1e-12));
        assertThat(changed.get(1).unrealized()).isEqualTo(-10, within(1e-12));
        assertThat(changed.get(1).marketValue()).isEqualTo(-5 * 104 + 50, within(1e-12));
        assertThat(ledger.drainChanged(T)).isEmpty();
        assertThat(ledger.mark("MSFT")).isEqualTo(104);
        assertThat(ledger.mark("NONE")).isNaN();
        assertThat(ledger.symbols()).containsExactly("IBM", "MSFT");
    }

    /*
     * The Portfolio engine's FIFO view replaces quantity, cost and realized; cash and fees stay those the fills moved.
     *  BUY 100 @ 10 fee 1, BUY 100 @ 12 fee 1, SELL 50 @ 13 fee 1 -> cash 100000 - 1000 - 1 - 1200 - 1 + 650 - 1
     *  = 98447; average cost 11, realized 50 * (13 - 11) = 100; marked at 13.
     *  FIFO (the update): the sale closes 50 of the lot at 10: realized 150, left 50 @ 10 + 100 @ 12 -> cost
     *  1700 / 150; at 13 unrealized 150 * 13 - 1700 = 250; equity 98447 + 150 * 13 = 100397 (= 100000 + 150 + 250 - 3).
     */
    @Test
    void test_onPosition_replacesPositionKeepsCashAndFees() {
        var ledger = new PnlLedger(CAPITAL);
        ledger.onFill("P", "AAPL", 100, 10, 1, T);
        ledger.onFill("P", "AAPL", 100, 12, 1, T);
        ledger.onFill("P", "AAPL", -50, 13, 1, T);
        ledger.onPrice("AAPL", 13);
        assertPnl(ledger.snapshot("P", T), 100, 150 * (13 - 11), 3, 100_397);
        ledger.onPosition("P", "AAPL", 150, 1700 / 150.0, 150, 13, T + 1);
        assertPnl(ledger.snapshot("P", T), 150, 250, 3, 100_397);
        assertThat(ledger.snapshot("P", T).cash()).isEqualTo(98_447, within(1e-9));
        ledger.onPosition("P", "AAPL", 0, 11.5, 30, 0, T + 2);
        PositionSnapshot p = ledger.snapshot("P", T).positions().getFirst();
        assertThat(p.averageCost()).isZero();
        assertThat(p.mark()).isEqualTo(13);
    }

    /*
     * A restored book: initial 5000, cash 5000 + 7 - 1 - 10 * 100 = 4006 (a book funded from its capital), 10 units
     * at cost 100 marked 110: unrealized 100, equity 4006 + 1100 = 5106 (= 5000 + 7 + 100 - 1).
     */
    @Test
    void test_restore_rebuildsSnapshot() {
        var ledger = new PnlLedger(CAPITAL);
        ledger.restorePortfolio("P", 5_000, 4_006, 1);
        ledger.restore(new PositionSnapshot("P", "AAPL", 10, 100, 110, 7, 0, 1, T));
        assertPnl(ledger.snapshot("P", T), 7, 100, 1, 5_106);
        assertThat(ledger.snapshot("P", T).initialCapital()).isEqualTo(5_000);
        assertThat(ledger.snapshot("P", T).fromState()).isFalse();
        assertThat(ledger.portfolioIds()).containsExactly("P");
    }

    /*
     * Three portfolios of 100k, 1M and 50M (k = 1, 10, 500) with proportional trades, the ledger's default capital
     * (1M) used by none of them:
     *  state at creation: cash C, flat                         -> equity C
     *  BUY 200k AAPL @ 150 fee k, BUY 100k MSFT @ 400 fee 2k   -> cash C - 30000k - k - 40000k - 2k = C - 70003k
     *  marks AAPL 155, MSFT 395                                 -> positions 31000k + 39500k = 70500k
     *  equity C + 497k: 100,497 / 1,004,970 / 50,248,500; unrealized 200k * 5 - 100k * 5 = 500k; fees 3k;
     *  total return 497k / C = 0.00497 for each.
     */
    @Test
    void test_onState_eachPortfolioItsOwnCapital() {
        var ledger = new PnlLedger(1_000_000);
        double[] capitals = {100_000, 1_000_000, 50_000_000};
        double[] equities = {100_497, 1_004_970, 50_248_500};
        for (double c : capitals) {
            String id = "P" + (long) c;
            double k = c / 100_000;
            assertThat(ledger.onState(new PortfolioState(id, c, c, 0, List.of(), T))).isTrue();
            assertPnl(ledger.snapshot(id, T), 0, 0, 0, c);
            ledger.onFill(id, "AAPL", 200 * k, 150, k, T + 1);
            ledger.onFill(id, "MSFT", 100 * k, 400, 2 * k, T + 1);
        }
        ledger.onPrice("AAPL", 155);
        ledger.onPrice("MSFT", 395);
        for (int i = 0; i < capitals.length; i++) {
            double c = capitals[i];
            double k = c / 100_000;
            String id = "P" + (long) c;
            PortfolioSnapshot s = ledger.snapshot(id, T);
            assertPnl(s, 0, 500 * k, 3 * k, equities[i]);
            assertThat(s.cash()).isEqualTo(c - 70_003 * k, within(1e-6));
            assertThat(s.totalReturn()).isEqualTo(0.00497, within(1e-12));
            // the Portfolio engine's book after the fills, at the same marks: the same equity
            var state = new PortfolioState(id, c, c - 70_003 * k, 3 * k, List.of(
                    new PositionUpdate(id, "AAPL", 200 * k, 150, 0, 155, T + 2),
                    new PositionUpdate(id, "MSFT", 100 * k, 400, 0, 395, T + 2)), T + 2);
            assertThat(s.equity()).isEqualTo(state.equity(), within(1e-6));
            ledger.onState(state);
            assertThat(ledger.snapshot(id, T).equity()).isEqualTo(state.equity(), within(1e-6));
        }
    }

    /*
     * A state replaces the book the fills built (capital 1M by default): initial 100000, cash 40000, fees 12, AAPL
     * 300 @ 180 realized 55 (the ledger had 100 AAPL and 5 IBM: IBM goes); the ledger's own AAPL mark 200 stays
     * (the state says 190); equity 40000 + 300 * 200 = 100000; unrealized 300 * 20 = 6000. A state older than the
     * last one applied changes nothing.
     */
    @Test
    void test_onState_replacesBookKeepsOwnMarks() {
        var ledger = new PnlLedger(1_000_000);
        ledger.onFill("P", "AAPL", 100, 150, 1, T);
        ledger.onFill("P", "IBM", 5, 100, 1, T);
        ledger.onPrice("AAPL", 200);
        var state = new PortfolioState("P", 100_000, 40_000, 12, List.of(
                new PositionUpdate("P", "AAPL", 300, 180, 55, 190, T + 5)), T + 5);
        assertThat(ledger.onState(state)).isTrue();
        PortfolioSnapshot s = ledger.snapshot("P", T + 5);
        assertPnl(s, 55, 6_000, 12, 100_000);
        assertThat(s.initialCapital()).isEqualTo(100_000);
        assertThat(s.fromState()).isTrue();
        assertThat(s.positions()).extracting(PositionSnapshot::symbol).containsExactly("AAPL");
        assertThat(s.positions().getFirst().mark()).isEqualTo(200);
        // IBM is no longer held by anyone: a price for it marks nothing
        ledger.onPrice("IBM", 120);
        assertThat(ledger.snapshot("P", T + 5).equity()).isEqualTo(100_000, within(1e-9));
        // a symbol the ledger has no price for is marked at the state's last price: MSFT 10 @ 50, last 52
        ledger.onState(new PortfolioState("P", 100_000, 39_500, 13, List.of(
                new PositionUpdate("P", "AAPL", 300, 180, 55, 190, T + 6),
                new PositionUpdate("P", "MSFT", 10, 50, 0, 52, T + 6)), T + 6));
        assertThat(ledger.snapshot("P", T + 6).equity()).isEqualTo(39_500 + 300 * 200 + 10 * 52, within(1e-9));
        assertThat(ledger.onState(state)).isFalse();
        assertThat(ledger.snapshot("P", T + 6).cash()).isEqualTo(39_500);
    }

    /*
     * A fill the last state already holds (older than it: it travelled on another stream and came late) changes
     * nothing; a fill as old as the state or newer is applied. State at T+10: cash 85000, 100 AAPL @ 150.
     * Late fill at T+5 (BUY 100 @ 150, in the state): ignored, cash 85000. Fill at T+10: BUY 10 @ 150 fee 1 -> cash
     * 83499, 110 AAPL. Position update at T+9: ignored.
     */
    @Test
    void test_onFill_olderThanTheLastStateIsIgnored() {
        var ledger = new PnlLedger(CAPITAL);
        ledger.onState(new PortfolioState("P", 100_000, 85_000, 0, List.of(
                new PositionUpdate("P", "AAPL", 100, 150, 0, 150, T + 10)), T + 10));
        assertThat(ledger.onFill("P", "AAPL", 100, 150, 0, T + 5)).isFalse();
        assertThat(ledger.snapshot("P", T).cash()).isEqualTo(85_000);
        assertThat(ledger.onFill("P", "AAPL", 10, 150, 1, T + 10)).isTrue();
        assertThat(ledger.onPosition("P", "AAPL", 100, 150, 0, 150, T + 9)).isFalse();
        PortfolioSnapshot s = ledger.snapshot("P", T);
        assertThat(s.cash()).isEqualTo(83_499, within(1e-9));
        assertThat(s.positions().getFirst().quantity()).isEqualTo(110);
        assertThat(s.equity()).isEqualTo(83_499 + 110 * 150, within(1e-9));
    }

    @Test
    void test_onFill_rejectsBadInput() {
        var ledger = new PnlLedger(CAPITAL);
        assertThatThrownBy(() -> ledger.onFill("P", "AAPL", 0, 10, 0, T)).hasMessageContaining("non-zero");
        assertThatThrownBy(() -> ledger.onFill("P", "AAPL", 1, Double.NaN, 0, T)).hasMessageContaining("price");
        assertThatThrownBy(() -> new PnlLedger(-1)).hasMessageContaining("initial_capital");
        assertThat(ledger.snapshot("unknown", T)).isNull();
    }

    private static void assertPnl(PortfolioSnapshot s, double realized, double unrealized, double fees, double equity) {
        assertThat(s.realized()).as("realized").isEqualTo(realized, within(1e-9));
        assertThat(s.unrealized()).as("unrealized").isEqualTo(unrealized, within(1e-9));
        assertThat(s.fees()).as("fees").isEqualTo(fees, within(1e-12));
        assertThat(s.equity()).as("equity").isEqualTo(equity, within(1e-9));
        assertThat(s.net()).isEqualTo(realized + unrealized - fees, within(1e-9));
    }
}
