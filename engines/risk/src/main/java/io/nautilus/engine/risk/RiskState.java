package io.nautilus.engine.risk;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.engine.risk.control.PreTradeCheck;
import io.nautilus.engine.risk.limit.ExposureBook;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.limit.LimitMeasures;
import io.nautilus.engine.risk.limit.ReferenceData;
import io.nautilus.engine.risk.limit.RiskModel;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything the risk engine mutates, owned by its ring thread: one {@link ExposureBook} per portfolio, last
 * prices, the daily history, the covariance model, the breach monitor and the pre-trade throttles. Every method
 * runs on the ring thread (bus handlers and responders); nothing here is thread-safe.
 */
final class RiskState {
    /** A portfolio's book with its two measure cursors (current and after an order). */
    static final class Entry {
        final ExposureBook book;
        final LimitMeasures now;
        final LimitMeasures after;
        Map<String, LimitDefinition> limitsSeen;
        List<LimitDefinition> limits = List.of();

        Entry(ExposureBook book) {
            this.book = book;
            this.now = new LimitMeasures(book);
            this.after = new LimitMeasures(book);
        }
    }

    private final RiskSettings settings;
    private final RiskRegistry registry;
    private final Map<String, Entry> books = new HashMap<>();
    private final Map<String, double[]> lastPrices = new HashMap<>();
    private final PreTradeCheck preTrade = new PreTradeCheck();
    final BreachTracker breaches;
    final MarketHistory history;
    private RiskModel model = RiskModel.EMPTY;
    private ReferenceData reference = ReferenceData.EMPTY;
    boolean monitoring;
    boolean modelDirty;
    boolean referenceDirty;

    RiskState(RiskSettings settings, RiskRegistry registry, RiskStore store, MessageBus bus) {
        this.settings = settings;
        this.registry = registry;
        this.history = new MarketHistory(settings.maxHistory());
        this.breaches = new BreachTracker(settings, store, bus);
        this.monitoring = settings.monitorOnStart();
        rebuildReference();
    }

    Entry entry(String portfolioId) {
        Entry e = books.get(portfolioId);
        if (e == null) {
            e = new Entry(new ExposureBook(portfolioId, settings.book()));
            e.book.setModel(model);
            e.book.setReference(reference);
            Double capital = registry.capital().get(portfolioId);
            if (capital != null) {
                e.book.setCapital(capital);
            }
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

    RiskDecision check(OrderIntent o, long nowNanos) {
        Entry e = entry(o.portfolioId());
        double last = lastPrice(o.symbol());
        if (last > 0 && e.book.find(o.symbol()) < 0) {
            e.book.slot(o.symbol());
            e.book.applyPrice(o.symbol(), last, nowNanos);
        }
        return preTrade.check(o, e.book, e.now, e.after, limits(e), registry.controls(o.portfolioId()),
                registry.state(o.portfolioId()), last, nowNanos);
    }

    /** Applies a position; returns true if the engine has no daily history of the symbol (to be requested). */
    boolean onPosition(PositionUpdate p, long nowNanos) {
        Entry e = entry(p.portfolioId());
        boolean newSymbol = e.book.find(p.symbol()) < 0;
        if (p.lastPrice() > 0) {
            lastPrices.computeIfAbsent(p.symbol(), s -> new double[1])[0] = p.lastPrice();
        }
        double mark = p.lastPrice() > 0 ? p.lastPrice() : lastPrice(p.symbol());
        e.book.applyPosition(p.symbol(), p.quantity(), p.averageCost(), p.realizedPnl(), mark > 0 ? mark : 0,
                p.tsNanos());
        if (newSymbol) {
            modelDirty = true;
            referenceDirty = true;
        }
        monitor(e, nowNanos);
        return history.bars(p.symbol()) == 0;
    }

    void onPrice(String symbol, double price, long tsNanos, long nowNanos) {
        lastPrices.computeIfAbsent(symbol, s -> new double[1])[0] = price;
        for (Entry e : books.values()) {
            if (e.book.applyPrice(symbol, price, tsNanos)) {
                monitor(e, nowNanos);
            }
        }
    }

    void onPnl(PnlUpdate p, long nowNanos) {
        Entry e = entry(p.portfolioId());
        e.book.setReportedEquity(p.equity(), p.tsNanos());
        monitor(e, nowNanos);
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
            case "capital" -> registry.capital().forEach((p, c) -> entry(p).book.setCapital(c));
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
     * (listed and resolvable, never published, not counted as the portfolio's open breaches).
     */
    RiskCommands.CheckOutcome check(RiskCommands.Check c, long nowNanos) {
        if (!c.positions().isEmpty()) {
            return whatIf(c, nowNanos);
        }
        Entry e = entry(c.portfolioId());
        List<LimitEvaluation> evaluations = evaluate(e);
        var open = new ArrayList<RiskViews.BreachView>();
        for (LimitEvaluation ev : evaluations) {
            breaches.apply(c.portfolioId(), ev, nowNanos);
            RiskViews.BreachView b = breaches.openView(c.portfolioId(), ev);
            if (b != null) {
                open.add(b);
            }
        }
        return new RiskCommands.CheckOutcome(open, evaluations);
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
        return new RiskCommands.CheckOutcome(found, evaluations);
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

    RiskCommands.MonitorStatus monitorStatus() {
        return new RiskCommands.MonitorStatus(monitoring, books.size(), registry.limits().size(), breaches.openCount(),
                breaches.openWhatIfCount());
    }

    RiskCommands.PortfolioSnapshot snapshot(String portfolioId, long nowNanos) {
        Entry e = books.get(portfolioId);
        if (e == null) {
            return new RiskCommands.PortfolioSnapshot(portfolioId, false, Map.of(), Double.NaN, Double.NaN, 0,
                    List.of(), List.of(), new double[0][0], nowNanos);
        }
        List<LimitEvaluation> evaluations = evaluate(e);
        Map<String, Double> mv = e.book.marketValues();
        MarketHistory.Panel panel = history.panel(mv.keySet(), settings.minHistory());
        return new RiskCommands.PortfolioSnapshot(portfolioId, true, mv, e.book.equity(), e.book.peakEquity(),
                e.book.dayPnl(), evaluations, panel.symbols(), panel.returns(), nowNanos);
    }

    List<String> portfolios() {
        return List.copyOf(books.keySet());
    }
}
