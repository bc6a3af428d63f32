package io.nautilus.engine.analytics.pnl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Real-time P&amp;L of every portfolio and position, driven by fills, position updates and prices. A pure class
 * (no bus, no I/O) so that it can be tested and benchmarked alone.
 *
 * <p>Conventions (average cost):
 * <ul>
 *   <li>A fill that adds to a position (or opens one) moves the average cost to the size-weighted mean of the old
 *       cost and the fill price.</li>
 *   <li>A fill that reduces a position realizes {@code closed * (price - averageCost)} for a long and the opposite
 *       for a short; the average cost of the rest is unchanged. A fill that crosses zero closes the whole position
 *       and opens the remainder at the fill price.</li>
 *   <li>Fees are the fills' commissions, kept apart: realized and unrealized P&amp;L are before fees; net P&amp;L and
 *       equity are after them.</li>
 *   <li>Unrealized P&amp;L is {@code quantity * (mark - averageCost)}; the mark is the last quote midpoint or
 *       trade price of the symbol, else the last fill price.</li>
 *   <li>A position update (the Portfolio engine's authoritative view, FIFO lots) replaces quantity, average cost
 *       and realized P&amp;L of that position; fees stay those of the fills seen.</li>
 *   <li>Equity is {@code initialCapital + realized + unrealized - fees}.</li>
 * </ul>
 *
 * <p>Cost: a price event is one hash lookup plus O(positions in that symbol) primitive writes, with no
 * allocation; a fill for a known position allocates nothing either. Snapshots allocate.
 *
 * <p>Not thread-safe: use from one thread (the engine's ring thread).
 */
public final class PnlLedger {
    private final double defaultInitialCapital;
    private final Map<String, PortfolioBook> portfolios = new HashMap<>();
    private final List<PortfolioBook> orderedPortfolios = new ArrayList<>();
    private final Map<String, SymbolMarks> symbols = new HashMap<>();

    /** @param initialCapital starting capital of every new portfolio, finite and &gt;= 0 */
    public PnlLedger(double initialCapital) {
        if (!(initialCapital >= 0) || !Double.isFinite(initialCapital)) {
            throw new IllegalArgumentException("initial_capital must be a finite number >= 0, got " + initialCapital);
        }
        this.defaultInitialCapital = initialCapital;
    }

    /**
     * Applies one of our fills.
     *
     * @param signedQuantity units bought (&gt; 0) or sold (&lt; 0), non-zero
     * @param price          execution price, &gt; 0
     * @param commission     fee paid, &gt;= 0
     */
    public void onFill(String portfolioId, String symbol, double signedQuantity, double price, double commission,
                       long tsNanos) {
        if (signedQuantity == 0 || !Double.isFinite(signedQuantity) || !(price > 0) || !Double.isFinite(price)
                || !(commission >= 0) || !Double.isFinite(commission)) {
            throw new IllegalArgumentException("fill needs a non-zero finite quantity, a price > 0 and a commission"
                    + " >= 0, got " + signedQuantity + ", " + price + ", " + commission);
        }
        PositionPnl p = position(portfolioId, symbol);
        p.fill(signedQuantity, price, commission, tsNanos);
        touch(p.portfolio, tsNanos);
    }

    /**
     * Replaces a position with the Portfolio engine's view of it.
     *
     * @param lastPrice its mark price, or 0 when unknown (the ledger's mark is kept)
     */
    public void onPosition(String portfolioId, String symbol, double quantity, double averageCost, double realized,
                           double lastPrice, long tsNanos) {
        PositionPnl p = position(portfolioId, symbol);
        p.quantity = quantity;
        p.averageCost = quantity == 0 ? 0 : averageCost;
        p.realized = realized;
        if (lastPrice > 0) {
            p.mark = lastPrice;
        }
        p.updatedNanos = tsNanos;
        touch(p.portfolio, tsNanos);
    }

    /** Restores a position as persisted (quantity, cost, realized, fees, mark); used when an engine restarts. */
    public void restore(PositionSnapshot s, double initialCapital) {
        PortfolioBook book = portfolio(s.portfolioId(), initialCapital);
        PositionPnl p = position(book, s.symbol());
        p.quantity = s.quantity();
        p.averageCost = s.averageCost();
        p.realized = s.realized();
        p.fees = s.fees();
        p.mark = s.mark();
        p.updatedNanos = s.updatedNanos();
    }

    /** Registers a portfolio with its starting capital (no positions yet); existing portfolios are left as they are. */
    public void restorePortfolio(String portfolioId, double initialCapital) {
        portfolio(portfolioId, initialCapital);
    }

    /** Marks every position in {@code symbol} at {@code price} (quote midpoint or trade price, &gt; 0). */
    public void onPrice(String symbol, double price) {
        SymbolMarks m = symbols.get(symbol);
        if (m == null) {
            m = new SymbolMarks();
            symbols.put(symbol, m);
        }
        m.mark = price;
        PositionPnl[] holders = m.holders;
        for (int i = 0, n = m.count; i < n; i++) {
            PositionPnl p = holders[i];
            p.mark = price;
            p.portfolio.dirty = true;
        }
    }

    /** Last price seen for {@code symbol}, or NaN when none. */
    public double mark(String symbol) {
        SymbolMarks m = symbols.get(symbol);
        return m == null || m.mark == 0 ? Double.NaN : m.mark;
    }

    /** Symbols with a price or a position, sorted. */
    public Set<String> symbols() {
        return new TreeSet<>(symbols.keySet());
    }

    /** Number of symbols with a price or a position. */
    public int symbolCount() {
        return symbols.size();
    }

    /** Portfolio ids in order of first appearance. */
    public List<String> portfolioIds() {
        return orderedPortfolios.stream().map(b -> b.portfolioId).toList();
    }

    /** Snapshot of one portfolio at {@code tsNanos}, or {@code null} if unknown. */
    public PortfolioSnapshot snapshot(String portfolioId, long tsNanos) {
        PortfolioBook book = portfolios.get(portfolioId);
        return book == null ? null : book.snapshot(tsNanos);
    }

    /** Snapshots of the portfolios that changed since the last call (fills, positions or marks), clearing the flag. */
    public List<PortfolioSnapshot> drainChanged(long tsNanos) {
        var out = new ArrayList<PortfolioSnapshot>();
        for (PortfolioBook b : orderedPortfolios) {
            if (b.dirty) {
                b.dirty = false;
                out.add(b.snapshot(tsNanos));
            }
        }
        return out;
    }

    /** Snapshots of every portfolio. */
    public List<PortfolioSnapshot> snapshotAll(long tsNanos) {
        var out = new ArrayList<PortfolioSnapshot>(orderedPortfolios.size());
        for (PortfolioBook b : orderedPortfolios) {
            out.add(b.snapshot(tsNanos));
        }
        return out;
    }

    private void touch(PortfolioBook book, long tsNanos) {
        book.dirty = true;
        book.updatedNanos = tsNanos;
    }

    private PortfolioBook portfolio(String portfolioId, double initialCapital) {
        PortfolioBook book = portfolios.get(portfolioId);
        if (book == null) {
            book = new PortfolioBook(portfolioId, initialCapital);
            portfolios.put(portfolioId, book);
            orderedPortfolios.add(book);
        }
        return book;
    }

    private PositionPnl position(String portfolioId, String symbol) {
        return position(portfolio(portfolioId, defaultInitialCapital), symbol);
    }

    private PositionPnl position(PortfolioBook book, String symbol) {
        PositionPnl p = book.positions.get(symbol);
        if (p == null) {
            SymbolMarks m = symbols.computeIfAbsent(symbol, s -> new SymbolMarks());
            p = new PositionPnl(book, symbol, m.mark);
            book.positions.put(symbol, p);
            book.ordered.add(p);
            m.add(p);
        }
        return p;
    }

    /** The last price of a symbol and the positions marked by it. */
    private static final class SymbolMarks {
        double mark;
        PositionPnl[] holders = new PositionPnl[4];
        int count;

        void add(PositionPnl p) {
            if (count == holders.length) {
                holders = Arrays.copyOf(holders, count * 2);
            }
            holders[count++] = p;
        }
    }
}
