package io.nautilus.engine.analytics.pnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    /* The Portfolio engine's FIFO view replaces quantity, cost and realized; fees stay the fills'. */
    @Test
    void test_onPosition_replacesPositionKeepsFees() {
        var ledger = new PnlLedger(CAPITAL);
        ledger.onFill("P", "AAPL", 100, 10, 1, T);
        ledger.onFill("P", "AAPL", 100, 12, 1, T);
        ledger.onPosition("P", "AAPL", 150, 11.5, 25, 13, T + 1);
        // unrealized 150 * (13 - 11.5) = 225; equity 100000 + 25 + 225 - 2
        assertPnl(ledger.snapshot("P", T), 25, 225, 2, 100_248);
        ledger.onPosition("P", "AAPL", 0, 11.5, 30, 0, T + 2);
        PositionSnapshot p = ledger.snapshot("P", T).positions().getFirst();
        assertThat(p.averageCost()).isZero();
        assertThat(p.mark()).isEqualTo(13);
        assertPnl(ledger.snapshot("P", T), 30, 0, 2, 100_028);
    }

    @Test
    void test_restore_rebuildsSnapshot() {
        var ledger = new PnlLedger(CAPITAL);
        ledger.restorePortfolio("P", 5_000);
        ledger.restore(new PositionSnapshot("P", "AAPL", 10, 100, 110, 7, 0, 1, T), 5_000);
        // unrealized 10 * (110 - 100) = 100; equity 5000 + 7 + 100 - 1
        assertPnl(ledger.snapshot("P", T), 7, 100, 1, 5_106);
        assertThat(ledger.portfolioIds()).containsExactly("P");
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
