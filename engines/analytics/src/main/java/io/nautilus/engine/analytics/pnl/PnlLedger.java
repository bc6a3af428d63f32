package io.nautilus.engine.analytics.pnl;

import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PositionUpdate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Real-time P&amp;L of every portfolio and position, driven by the Portfolio engine's states, fills, position
 * updates and prices. A pure class (no bus, no I/O) so that it can be tested and benchmarked alone.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Each portfolio has its own initial value, cash and fees. A {@link PortfolioState} (the Portfolio engine's
 *       book) replaces them and every position's quantity, average cost and realized P&amp;L; positions it does not
 *       hold are removed. Marks stay the ledger's own latest prices (the state's last price only where the ledger
 *       has none). A state older than the last one applied to the portfolio is ignored, and so are fills and
 *       position updates older than it (it holds them already).</li>
 *   <li>A portfolio seen in a fill before any state starts with the ledger's default capital as its initial value
 *       and cash, until its state arrives.</li>
 *   <li>A fill moves cash by {@code -signedQuantity * price - commission} and adds the commission to the fees. Its
 *       position follows average cost: a fill that adds to a position (or opens one) moves the average cost to the
 *       size-weighted mean of the old cost and the fill price; a fill that reduces a position realizes
 *       {@code closed * (price - averageCost)} for a long and the opposite for a short; a fill that crosses zero
 *       closes the whole position and opens the remainder at the fill price.</li>
 *   <li>A position update (the Portfolio engine's FIFO view) replaces quantity, average cost and realized P&amp;L of
 *       that position; cash and fees are unchanged (the fill that caused it moved them).</li>
 *   <li>Realized and unrealized P&amp;L are before fees. Unrealized P&amp;L is {@code quantity * (mark -
 *       averageCost)}; the mark is the last quote midpoint or trade price of the symbol, else the last state's or
 *       fill's price.</li>
 *   <li>Equity is {@code cash + sum(quantity * mark)}: the portfolio's own cash, never a platform-wide capital.
 *       For a book built from fills alone from cash = initial value this equals {@code initialValue + realized +
 *       unrealized - fees}.</li>
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

    /**
     * @param initialCapital initial value and cash of a portfolio first seen in a fill (before its state), finite and
     *                       &gt;= 0
     */
    public PnlLedger(double initialCapital) {
        if (!(initialCapital >= 0) || !Double.isFinite(initialCapital)) {
            throw new IllegalArgumentException("initial_capital must be a finite number >= 0, got " + initialCapital);
        }
        this.defaultInitialCapital = initialCapital;
    }

    /**
     * Applies one of our fills: cash, fees and the position (average cost).
     *
     * @param signedQuantity units bought (&gt; 0) or sold (&lt; 0), non-zero
     * @param price          execution price, &gt; 0
     * @param commission     fee paid, &gt;= 0
     * @return false (and nothing changed) when the fill is older than the portfolio's last state, which holds it
     */
    public boolean onFill(String portfolioId, String symbol, double signedQuantity, double price, double commission,
                          long tsNanos) {
        if (signedQuantity == 0 || !Double.isFinite(signedQuantity) || !(price > 0) || !Double.isFinite(price)
                || !(commission >= 0) || !Double.isFinite(commission)) {
            throw new IllegalArgumentException("fill needs a non-zero finite quantity, a price > 0 and a commission"
                    + " >= 0, got " + signedQuantity + ", " + price + ", " + commission);
        }
        if (inLastState(portfolioId, tsNanos)) {
            return false;
        }
        PositionPnl p = position(portfolioId, symbol);
        p.fill(signedQuantity, price, commission, tsNanos);
        PortfolioBook book = p.portfolio;
        book.cash -= signedQuantity * price + commission;
        book.fees += commission;
        touch(book, tsNanos);
        return true;
    }

    /**
     * Replaces a position with the Portfolio engine's view of it.
     *
     * @param lastPrice its mark price, or 0 when unknown (the ledger's mark is kept)
     * @return false (and nothing changed) when the update is older than the portfolio's last state
     */
    public boolean onPosition(String portfolioId, String symbol, double quantity, double averageCost, double realized,
                              double lastPrice, long tsNanos) {
        if (inLastState(portfolioId, tsNanos)) {
            return false;
        }
        PositionPnl p = position(portfolioId, symbol);
        p.quantity = quantity;
        p.averageCost = quantity == 0 ? 0 : averageCost;
        p.realized = realized;
        if (lastPrice > 0) {
            p.mark = lastPrice;
        }
        p.updatedNanos = tsNanos;
        touch(p.portfolio, tsNanos);
        return true;
    }

    /**
     * True when an event stamped {@code tsNanos} is older than the last state applied to the portfolio, so that
     * state already holds it (the Portfolio engine stamps a state after the fills it holds; a fill can arrive after
     * it when the two travel on different streams). An event as old as the state is applied.
     */
    private boolean inLastState(String portfolioId, long tsNanos) {
        PortfolioBook book = portfolios.get(portfolioId);
        return book != null && tsNanos < book.stateNanos;
    }

    /**
     * Replaces the portfolio's book with the Portfolio engine's: initial value, cash, fees, and every position's
     * quantity, average cost and realized P&amp;L; positions the state does not hold are removed. Marks stay the
     * ledger's latest prices; a symbol without one is marked at the state's last price (else the position's own
     * mark, else its average cost).
     *
     * @return false (and nothing changed) when the state is older than the last one applied to that portfolio
     */
    public boolean onState(PortfolioState state) {
        PortfolioBook book = portfolios.get(state.portfolioId());
        if (book == null) {
            book = portfolio(state.portfolioId(), state.initialValue(), state.cash());
        } else if (state.tsNanos() < book.stateNanos) {
            return false;
        }
        book.initialValue = state.initialValue();
        book.cash = state.cash();
        book.fees = state.fees();
        book.stateNanos = state.tsNanos();
        int generation = ++book.generation;
        for (PositionUpdate u : state.positions()) {
            PositionPnl p = position(book, u.symbol());
            p.quantity = u.quantity();
            p.averageCost = u.quantity() == 0 ? 0 : u.averageCost();
            p.realized = u.realizedPnl();
            double symbolMark = symbols.get(u.symbol()).mark;
            p.mark = symbolMark > 0 ? symbolMark : u.lastPrice() > 0 ? u.lastPrice() : p.mark > 0 ? p.mark
                    : u.averageCost();
            p.updatedNanos = Math.max(p.updatedNanos, u.tsNanos());
            p.generation = generation;
        }
        for (int i = book.ordered.size() - 1; i >= 0; i--) {
            PositionPnl p = book.ordered.get(i);
            if (p.generation != generation) {
                book.ordered.remove(i);
                book.positions.remove(p.symbol);
                symbols.get(p.symbol).remove(p);
            }
        }
        touch(book, Math.max(book.updatedNanos, state.tsNanos()));
        return true;
    }

    /** Restores a position as persisted (quantity, cost, realized, fees, mark); used when an engine restarts. */
    public void restore(PositionSnapshot s) {
        PositionPnl p = position(s.portfolioId(), s.symbol());
        p.quantity = s.quantity();
        p.averageCost = s.averageCost();
        p.realized = s.realized();
        p.fees = s.fees();
        p.mark = s.mark();
        p.updatedNanos = s.updatedNanos();
    }

    /**
     * Restores a portfolio as persisted (initial value, cash, fees; positions follow with {@link #restore}); used
     * when the engine restarts, before the Portfolio engine's states replace it. An existing portfolio is replaced.
     */
    public void restorePortfolio(String portfolioId, double initialValue, double cash, double fees) {
        PortfolioBook book = portfolio(portfolioId, initialValue, cash);
        book.initialValue = initialValue;
        book.cash = cash;
        book.fees = fees;
    }

    /** True when the portfolio has a book (from a state, a fill, a position or a restore). */
    public boolean knows(String portfolioId) {
        return portfolios.containsKey(portfolioId);
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

    private PortfolioBook portfolio(String portfolioId, double initialValue, double cash) {
        PortfolioBook book = portfolios.get(portfolioId);
        if (book == null) {
            book = new PortfolioBook(portfolioId, initialValue, cash);
            portfolios.put(portfolioId, book);
            orderedPortfolios.add(book);
        }
        return book;
    }

    private PositionPnl position(String portfolioId, String symbol) {
        return position(portfolio(portfolioId, defaultInitialCapital, defaultInitialCapital), symbol);
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

        void remove(PositionPnl p) {
            for (int i = 0; i < count; i++) {
                if (holders[i] == p) {
                    holders[i] = holders[--count];
                    holders[count] = null;
                    return;
                }
            }
        }
    }
}
