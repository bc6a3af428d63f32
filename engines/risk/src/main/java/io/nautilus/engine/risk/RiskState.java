package io.nautilus.engine.risk;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.engine.risk.control.PreTradeCheck;
import io.nautilus.engine.risk.control.ReasonCodes;
import io.nautilus.engine.risk.limit.ExposureBook;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.limit.LimitMeasures;
import io.nautilus.engine.risk.limit.ReferenceData;
import io.nautilus.engine.risk.limit.RiskModel;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Everything the risk engine mutates, owned by its ring thread: one {@link ExposureBook} per portfolio, last
 * prices, the daily history, the covariance model, the breach monitor and the pre-trade throttles. Every method
 * runs on the ring thread (bus handlers and responders); nothing here is thread-safe.
 *
 * <p>Books come only from the Portfolio engine's {@link PortfolioState}s (the reply to the request sent at start,
 * then {@code portfolio.state.*}): positions, cash and capital, marked at this engine's own last prices. Until
 * the first reply has arrived ({@link #booksSynced()}) every check is refused, and after it a portfolio whose
 * state has not arrived is refused too (fail closed); checks never create a book.
 */
final class RiskState {
    /** A portfolio's book with its two measure cursors (current and after an order). */
    static final class Entry {
        final ExposureBook book;
        final LimitMeasures now;
        final LimitMeasures after;
        Map<String, LimitDefinition> limitsSeen;
        List<LimitDefinition> limits = List.of();
        long stateTsNanos = Long.MIN_VALUE;

        Entry(ExposureBook book) {
            this.book = book;
            this.now = new LimitMeasures(book);
            this.after = new LimitMeasures(book);
        }
    }

    private final RiskSettings settings;
    private final RiskRegistry registry;
    private final Map<String, Entry> books = new HashMap<>();
    /** Last price by symbol: {price, 1 if from the market (quotes, trades) else 0 (a Portfolio engine's mark)}. */
    private final Map<String, double[]> lastPrices = new HashMap<>();
    private final PreTradeCheck preTrade = new PreTradeCheck();
    final BreachTracker breaches;
    final MarketHistory history;
    private RiskModel model = RiskModel.EMPTY;
    private ReferenceData reference = ReferenceData.EMPTY;
    private final Consumer<String> symbolSeen;
    private boolean booksSynced;
    boolean monitoring;
    boolean modelDirty;
    boolean referenceDirty;

    /**
     * @param symbolSeen called (on the ring thread) with each symbol the first time a book or a real order shows
     *                   it, so that its daily history is requested
     */
    RiskState(RiskSettings settings, RiskRegistry registry, RiskStore store, MessageBus bus,
              Consumer<String> symbolSeen) {
        this.settings = settings;
        this.registry = registry;
        this.symbolSeen = symbolSeen;
        this.history = new MarketHistory(settings.maxHistory());
        this.breaches = new BreachTracker(settings, store, bus);
        this.monitoring = settings.monitorOnStart();
        rebuildReference();
    }

    /** True once the books requested from the Portfolio engine at start have arrived. */
    boolean booksSynced() {
        return booksSynced;
    }

    /** The portfolio's book, created when its first state arrives (never by a check). */
    private Entry entry(String portfolioId) {
        Entry e = books.get(portfolioId);
        if (e == null) {
            e = new Entry(new ExposureBook(portfolioId, settings.book()));
            e.book.setModel(model);
            e.book.setReference(reference);
            books.put(portfolioId, e);
        }
        return e;
    }

    /** The enabled limits that apply to a portfolio, re-filtered only when the limit snapshot changed. */
    List<LimitDefinition> limits(Entry e) {
        Map<String, LimitDefinition> all = registry.limits();
        if (e.limitsSeen != all) {
            var list = new ArrayList<LimitDefinition>();
            for (LimitDefinition l : all.values()) {
                if (l.enabled() && l.appliesTo(e.book.portfolioId())) {
                    list.add(l);
                }
            }
            e.limits = List.copyOf(list);
            e.limitsSeen = all;
        }
        return e.limits;
    }

    double lastPrice(String symbol) {
        double[] p = lastPrices.get(symbol);
        return p == null ? Double.NaN : p[0];
    }

    // ---- bus events

    /**
     * The pre-trade check of an order: refused while the books are syncing ({@code NO_BOOK:syncing}) or when no
     * state of the portfolio has arrived ({@code NO_BOOK:no_state}). A dry run (HTTP pre-trade) leaves everything
     * as it was: no book, no symbol slot, no throttle budget, no history request.
     */
    RiskDecision check(OrderIntent o, long nowNanos, boolean dryRun) {
        if (!booksSynced) {
            return new RiskDecision(o, false, List.of(ReasonCodes.NO_BOOK_SYNCING), nowNanos);
        }
        Entry e = books.get(o.portfolioId());
        if (e == null) {
            return new RiskDecision(o, false, List.of(ReasonCodes.NO_BOOK_NO_STATE), nowNanos);
        }
        double last = lastPrice(o.symbol());
        boolean fresh = e.book.find(o.symbol()) < 0;
        int slot = e.book.slot(o.symbol());
        if (fresh && last > 0) {
            e.book.applyPrice(o.symbol(), last, nowNanos);
        }
        RiskDecision d = preTrade.check(o, e.book, e.now, e.after, limits(e), registry.controls(o.portfolioId()),
                registry.state(o.portfolioId()), last, nowNanos, dryRun);
        if (fresh && dryRun) {
            e.book.forgetFlat(slot);
        } else if (fresh) {
            symbolSeen.accept(o.symbol());
        }
        return d;
    }

    /**
     * Applies the books the Portfolio engine answered at start: each state (unless a newer one already arrived),
     * then the breaches left open by the previous run are re-evaluated on them, and those of portfolios the
     * Portfolio engine does not have are resolved. From then on checks are answered.
     */
    void onBooks(PortfolioStates states, long nowNanos) {
        for (PortfolioState s : states.portfolios()) {
            apply(s);
        }
        if (!booksSynced) {
            booksSynced = true;
            breaches.resolveOrphans(books.keySet(), nowNanos);
        }
        monitorAll(nowNanos);
    }

    /** A portfolio's state ({@code portfolio.state.<id>}): its book is created or replaced by it. */
    void onPortfolioState(PortfolioState s, long nowNanos) {
        Entry e = apply(s);
        if (e != null && booksSynced) {
            monitor(e, nowNanos);
        }
    }

    /**
     * Makes the book match a state: every position listed (at this engine's last price, else the state's own mark),
     * held symbols the state no longer lists flattened, the cash and capital. A state older than the one the book
     * has is ignored (the start-up reply may arrive after a newer published state). Returns the entry, or
     * {@code null} when ignored.
     */
    private Entry apply(PortfolioState s) {
        Entry e = books.get(s.portfolioId());
        if (e != null && s.tsNanos() < e.stateTsNanos) {
            return null;
        }
        e = entry(s.portfolioId());
        e.stateTsNanos = s.tsNanos();
        var listed = new HashSet<String>();
        for (PositionUpdate p : s.positions()) {
            listed.add(p.symbol());
            double[] known = lastPrices.get(p.symbol());
            if (p.lastPrice() > 0 && (known == null || known[1] == 0)) {
                lastPrices.put(p.symbol(), new double[] {p.lastPrice(), 0}); // a mark until the market has a price
            }
            double mark = lastPrice(p.symbol());
            boolean fresh = e.book.find(p.symbol()) < 0;
            e.book.applyPosition(p.symbol(), p.quantity(), p.averageCost(), p.realizedPnl(), mark > 0 ? mark : 0,
                    s.tsNanos());
            if (fresh) {
                modelDirty = true;
                referenceDirty = true;
                symbolSeen.accept(p.symbol());
            }
        }
        for (String sym : e.book.symbols()) {
            int k = e.book.find(sym);
            if (!listed.contains(sym) && e.book.quantity(k) != 0) {
                e.book.applyPosition(sym, 0, 0, 0, 0, s.tsNanos());
            }
        }
        e.book.setCapital(s.initialValue());
        e.book.setCash(s.cash(), s.tsNanos());
        return e;
    }

    void onPrice(String symbol, double price, long tsNanos, long nowNanos) {
        double[] p = lastPrices.computeIfAbsent(symbol, s -> new double[2]);
        p[0] = price;
        p[1] = 1; // from the market: a state's mark no longer replaces it
        for (Entry e : books.values()) {
            if (e.book.applyPrice(symbol, price, tsNanos)) {
                monitor(e, nowNanos);
            }
        }
    }

    void onBar(Bar bar) {
        if (history.add(bar)) {
            modelDirty = true;
            referenceDirty = true;
        }
    }

    void onHistory(BarHistory h) {
        for (Bar b : h.bars()) {
            onBar(b);
        }
    }

    void onModel(RiskModel m, long nowNanos) {
        model = m;
        for (Entry e : books.values()) {
            e.book.setModel(m);
        }
        monitorAll(nowNanos);
    }

    /** Symbols the model should cover: every symbol of every book. */
    List<String> modelSymbols() {
        var symbols = new java.util.TreeSet<String>();
        for (Entry e : books.values()) {
            symbols.addAll(e.book.symbols());
        }
        return List.copyOf(symbols);
    }

    void onChanged(String kind, long nowNanos) {
        switch (kind) {
            case "reference" -> referenceDirty = true;
            case "capital" -> {
                // posted capital is only the equity of what-if checks of portfolios without a book
            }
            default -> {
                if (kind.startsWith("deleted:")) {
                    breaches.limitDeleted(kind.substring("deleted:".length()), nowNanos);
                }
            }
        }
        if (referenceDirty) {
            rebuildReference();
        }
        monitorAll(nowNanos);
    }

    /** Posted reference data, with the ADV from daily bars where none is posted. */
    void rebuildReference() {
        referenceDirty = false;
        var merged = new HashMap<String, SymbolInfo>(registry.reference());
        for (Entry e : books.values()) {
            for (String s : e.book.symbols()) {
                SymbolInfo info = merged.getOrDefault(s, SymbolInfo.UNKNOWN);
                if (Double.isNaN(info.adv())) {
                    OptionalDouble adv = history.adv(s, settings.advDays());
                    if (adv.isPresent()) {
                        merged.put(s, info.withAdv(adv.getAsDouble()));
                    }
                }
            }
        }
        var next = new ReferenceData(merged);
        if (!next.equals(reference)) {
            reference = next;
            for (Entry e : books.values()) {
                e.book.setReference(reference);
            }
        }
    }

    // ---- monitoring and breaches

    void monitorAll(long nowNanos) {
        for (Entry e : books.values()) {
            monitor(e, nowNanos);
        }
    }

    private void monitor(Entry e, long nowNanos) {
        if (!monitoring) {
            return;
        }
        List<LimitDefinition> limits = limits(e);
        if (limits.isEmpty()) {
            return;
        }
        e.now.current();
        for (int i = 0, n = limits.size(); i < n; i++) {
            LimitDefinition l = limits.get(i);
            breaches.apply(e.book.portfolioId(), LimitEvaluation.of(l, e.now.value(l)), nowNanos);
        }
    }

    /**
     * {@code POST /risk/check}. Without positions it checks the live portfolio through the breach monitor, like a
     * monitoring event: transitions are recorded and published, and the answer lists the open breaches. With posted
     * positions it is a what-if: the hypothetical book is evaluated the same way, but the live monitor, the live
     * breaches and the portfolio's book are left alone (a hypothetical evaluation must neither resolve, change nor
     * open a real breach); the breaches found are {@link BreachTracker#recordWhatIf recorded as what-if breaches}
     * (listed and resolvable, never published, not counted as the portfolio's open breaches). A live check is
     * refused (fail closed, nothing registered) while the books are syncing or when the portfolio has no book.
     */
    RiskCommands.CheckOutcome check(RiskCommands.Check c, long nowNanos) {
        if (!c.positions().isEmpty()) {
            return whatIf(c, nowNanos);
        }
        if (!booksSynced) {
            return RiskCommands.CheckOutcome.refused(ReasonCodes.NO_BOOK_SYNCING);
        }
        Entry e = books.get(c.portfolioId());
        if (e == null) {
            return RiskCommands.CheckOutcome.refused(ReasonCodes.NO_BOOK_NO_STATE);
        }
        List<LimitEvaluation> evaluations = evaluate(e);
        var open = new ArrayList<RiskViews.BreachView>();
        for (LimitEvaluation ev : evaluations) {
            breaches.apply(c.portfolioId(), ev, nowNanos);
            RiskViews.BreachView b = breaches.openView(c.portfolioId(), ev);
            if (b != null) {
                open.add(b);
            }
        }
        return new RiskCommands.CheckOutcome(open, evaluations, null);
    }

    private RiskCommands.CheckOutcome whatIf(RiskCommands.Check c, long nowNanos) {
        // books.get, not entry(): a what-if must not create a live book for an unknown portfolio either
        Entry e = hypothetical(books.get(c.portfolioId()), c, nowNanos);
        List<LimitEvaluation> evaluations = evaluate(e);
        var found = new ArrayList<RiskViews.BreachView>();
        for (LimitEvaluation ev : evaluations) {
            RiskViews.BreachView b = breaches.recordWhatIf(c.portfolioId(), ev, nowNanos);
            if (b != null) {
                found.add(b);
            }
        }
        return new RiskCommands.CheckOutcome(found, evaluations, null);
    }

    /** Every limit that applies to the entry's portfolio, measured on its book now. */
    private List<LimitEvaluation> evaluate(Entry e) {
        e.now.current();
        var evaluations = new ArrayList<LimitEvaluation>();
        for (LimitDefinition l : limits(e)) {
            evaluations.add(LimitEvaluation.of(l, e.now.value(l)));
        }
        return evaluations;
    }

    /**
     * A throw-away book of posted positions on the live model and reference data. Each position's unrealized P&L
     * counts as today's P&L; equity is the posted one, else |market value| / leverage of the first position that
     * gives a leverage, else the live portfolio's (its posted capital when the engine has no book of it yet).
     *
     * @param live the portfolio's live entry, or {@code null} when the engine has none
     */
    private Entry hypothetical(Entry live, RiskCommands.Check c, long nowNanos) {
        var e = new Entry(new ExposureBook(c.portfolioId(), settings.book()));
        e.book.setModel(model);
        e.book.setReference(reference);
        double equity = c.equity() != null ? c.equity() : Double.NaN;
        for (RiskCommands.CheckPosition p : c.positions()) {
            double price = p.price() > 0 ? p.price() : lastPrice(p.symbol());
            double mark = price > 0 ? price : 0;
            e.book.applyPosition(p.symbol(), p.quantity(), mark, 0, mark, nowNanos);
            double avg = mark > 0 && p.quantity() != 0 ? mark - p.unrealizedPnl() / p.quantity() : 0;
            e.book.applyPosition(p.symbol(), p.quantity(), Math.max(0, avg), mark > 0 ? 0 : p.unrealizedPnl(), mark,
                    nowNanos);
            if (Double.isNaN(equity) && p.leverage() > 0 && mark > 0) {
                equity = Math.abs(p.quantity() * mark) / p.leverage();
            }
        }
        if (Double.isNaN(equity)) {
            Double capital = registry.capital().get(c.portfolioId());
            equity = live != null ? live.book.equity() : capital != null ? capital : Double.NaN;
        }
        if (!Double.isNaN(equity)) {
            e.book.setReportedEquity(equity, nowNanos);
        }
        return e;
    }

    /** Starts ({@code true}) or stops ({@code false}) monitoring, or only reports ({@code null}). */
    RiskCommands.MonitorStatus monitor(Boolean on, long nowNanos) {
        if (on != null) {
            monitoring = on;
            if (on) {
                monitorAll(nowNanos);
            }
        }
        return monitorStatus();
    }

    RiskCommands.MonitorStatus monitorStatus() {
        return new RiskCommands.MonitorStatus(monitoring, books.size(), registry.limits().size(), breaches.openCount(),
                breaches.openWhatIfCount());
    }

    RiskCommands.PortfolioSnapshot snapshot(String portfolioId, long nowNanos) {
        Entry e = books.get(portfolioId);
        if (e == null) {
            return new RiskCommands.PortfolioSnapshot(portfolioId, false, Map.of(), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0,
                    List.of(), List.of(), new double[0][0], nowNanos);
        }
        List<LimitEvaluation> evaluations = evaluate(e);
        Map<String, Double> mv = e.book.marketValues();
        MarketHistory.Panel panel = history.panel(mv.keySet(), settings.minHistory());
        return new RiskCommands.PortfolioSnapshot(portfolioId, true, mv, e.book.cash(), e.book.capital(),
                e.book.equity(), e.book.peakEquity(),
                e.book.dayPnl(), evaluations, panel.symbols(), panel.returns(), nowNanos);
    }

    List<String> portfolios() {
        return List.copyOf(books.keySet());
    }

    /** Number of books held. */
    int bookCount() {
        return books.size();
    }

    /** Symbols held by some book that the covariance model does not cover yet (waiting for daily history), sorted. */
    List<String> waitingForHistory() {
        var out = new java.util.TreeSet<String>();
        for (Entry e : books.values()) {
            for (String sym : e.book.marketValues().keySet()) {
                if (model.row(sym) < 0) {
                    out.add(sym);
                }
            }
        }
        return List.copyOf(out);
    }

    /** True if the model covers the symbol. */
    boolean covered(String symbol) {
        return model.row(symbol) >= 0;
    }
}
