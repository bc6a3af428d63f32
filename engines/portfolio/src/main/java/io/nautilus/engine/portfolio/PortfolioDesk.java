package io.nautilus.engine.portfolio;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.engine.DomainFailure;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Topics;
import io.nautilus.core.model.Trade;
import io.nautilus.core.store.journal.Journal;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.portfolio.execution.MarketPrices;
import io.nautilus.engine.portfolio.execution.Order;
import io.nautilus.engine.portfolio.execution.OrderStatus;
import io.nautilus.engine.portfolio.execution.PaperFillModel;
import io.nautilus.engine.portfolio.position.Position;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The paper trading desk: portfolios, orders, fills and market prices. Lives on the engine's ring thread (every
 * method is called from a bus handler, a timer tick or a ring call, {@code EngineContext.call}), so it needs no
 * locks. It speaks domain results and {@link DomainFailure}s, never HTTP.
 *
 * <p>Group commit: handlers change orders in memory and queue the fills and order states in {@link PendingWrites};
 * {@link #commit()} (the ring's end-of-batch hook, and the first step of every ring call) encodes them into the
 * engine's {@link Journal} and flushes it with one write (fsync per the configured policy), and only then applies
 * the fills to the books and publishes {@code fill.<portfolio>} and {@code position.<portfolio>}: a fill is durable
 * before it is published, and the books hold durable fills only. A background applier copies the journal into the
 * store. A failed flush undoes the batch's fills on their orders (which work again) and keeps their states queued.
 *
 * <p>The desk is the source of truth for books: it publishes each portfolio's {@link PortfolioState} on
 * {@code portfolio.state.<portfolio>} when the portfolio is created, at the end of every batch that changed its book
 * (after the batch's fills and positions) and for every portfolio when the engine is ready, and answers
 * {@link PortfolioStateRequest}s.
 *
 * <p>On start (after the journal was replayed into the store) it reloads portfolios and orders and replays the
 * fills in order, which rebuilds the same FIFO lots, cash and P&amp;L; when the engine is ready, orders left waiting
 * for Risk by the last run are sent to Risk again, or expire when older than the configured age
 * ({@link #recover}). Not thread-safe (ring-confined).
 */
final class PortfolioDesk {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PortfolioDesk.class);
    /** The reason given to an order that waited for Risk across a restart for longer than the allowed age. */
    static final String EXPIRED_AT_RESTART = "expired: pending risk at restart";

    private final PortfolioStore store;
    private final Journal journal;
    private final MessageBus bus;
    private final Clock clock;
    private final PaperFillModel model;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, List<Order>> working = new HashMap<>();
    private final MarketPrices prices = new MarketPrices();
    private final BookViews books = new BookViews(prices);
    private final PendingWrites pending = new PendingWrites();
    private final Consumer<Order> reopen = this::reopen;
    private final List<Account> changed = new ArrayList<>();
    private long fillSeq;
    private long fillCount;
    private long rejectedCount;
    private long pendingRiskResent;
    private long pendingRiskExpired;

    PortfolioDesk(PortfolioStore store, Journal journal, MessageBus bus, Clock clock, PaperFillModel model) {
        this.store = store;
        this.journal = journal;
        this.bus = bus;
        this.clock = clock;
        this.model = model;
    }

    /** Restores portfolios, orders and (by replaying fills) positions from the store. */
    void load() {
        for (PortfolioInfo p : store.loadPortfolios()) {
            accounts.put(p.portfolioId(), new Account(p));
        }
        for (Order o : store.loadOrders()) {
            orders.put(o.intent().orderId(), o);
            if (o.status().isWorking()) {
                working.computeIfAbsent(o.intent().symbol(), s -> new ArrayList<>()).add(o);
            }
        }
        for (Fill f : store.loadFills(null)) {
            Account a = accounts.get(f.portfolioId());
            if (a != null) {
                a.book.apply(f.symbol(), f.signedQuantity(), f.price(), f.commission(), f.tsNanos());
                prices.trade(f.symbol(), f.price());
            }
        }
        fillSeq = store.maxFillSeq();
    }

    Map<String, Account> accounts() {
        return accounts;
    }

    long fillCount() {
        return fillCount;
    }

    long rejectedCount() {
        return rejectedCount;
    }

    /** Orders found waiting for Risk at start and sent to Risk again. */
    long pendingRiskResent() {
        return pendingRiskResent;
    }

    /** Orders found waiting for Risk at start and expired (too old). */
    long pendingRiskExpired() {
        return pendingRiskExpired;
    }

    int workingCount() {
        int n = 0;
        for (List<Order> l : working.values()) {
            n += l.size();
        }
        return n;
    }

    double mark(String symbol) {
        return prices.mark(symbol);
    }

    // ---- market data ----

    void onQuote(Quote q) {
        prices.quote(q.symbol(), q.bid(), q.ask(), q.bidSize(), q.askSize());
        sweep(q.symbol());
    }

    void onTrade(Trade t) {
        prices.trade(t.symbol(), t.price());
        sweep(t.symbol());
    }

    /** Tries to fill the symbol's working orders at the new prices (oldest first). */
    private void sweep(String symbol) {
        List<Order> list = working.get(symbol);
        if (list == null || list.isEmpty()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Order o = list.get(i);
            tryFill(o);
            if (!o.status().isWorking()) {
                list.remove(i--);
            }
        }
    }

    // ---- order lifecycle ----

    /** An intent seen on order.intent (ours from HTTP, or a strategy's): tracked when its portfolio is ours. */
    void onIntent(OrderIntent intent) {
        if (!accounts.containsKey(intent.portfolioId()) || orders.containsKey(intent.orderId())) {
            return;
        }
        Order o = new Order(intent, OrderStatus.PENDING_RISK, 0, 0, List.of(), clock.nowNanos());
        orders.put(intent.orderId(), o);
        pending.addOrder(o);
    }

    void onApproved(RiskDecision d) {
        OrderIntent intent = d.intent();
        if (!accounts.containsKey(intent.portfolioId())) {
            return;
        }
        Order o = orders.get(intent.orderId());
        if (o == null) {
            o = new Order(intent, OrderStatus.PENDING_RISK, 0, 0, List.of(), clock.nowNanos());
            orders.put(intent.orderId(), o);
        }
        if (o.status() != OrderStatus.PENDING_RISK && o.status() != OrderStatus.NEW) {
            return;
        }
        o.transition(OrderStatus.APPROVED, d.reasons(), clock.nowNanos());
        pending.addOrder(o);
        tryFill(o);
        if (o.status().isWorking()) {
            working.computeIfAbsent(intent.symbol(), s -> new ArrayList<>()).add(o);
        }
    }

    /** A rejection applies to an order still waiting for Risk; a duplicate or late decision is ignored. */
    void onRejected(RiskDecision d) {
        Order o = orders.get(d.intent().orderId());
        if (o == null || (o.status() != OrderStatus.PENDING_RISK && o.status() != OrderStatus.NEW)) {
            return;
        }
        o.transition(OrderStatus.REJECTED, d.reasons(), clock.nowNanos());
        pending.addOrder(o);
        rejectedCount++;
    }

    /** Fills what the market allows now: the order changes at once, the fill waits for the batch's commit. */
    private void tryFill(Order o) {
        OrderIntent i = o.intent();
        MarketPrices.Touch touch = prices.touch(i.symbol());
        double price = model.price(i.side(), i.type(), i.limitPrice(), touch);
        if (Double.isNaN(price)) {
            return;
        }
        double quantity = model.quantity(i.side(), o.remainingQuantity(), touch);
        double commission = model.commission(quantity, price);
        long now = clock.nowNanos();
        long seq = ++fillSeq;
        pending.addFill(seq, new Fill("F" + seq, i.orderId(), i.portfolioId(), i.symbol(), i.side(), quantity, price,
                commission, now), o);
        o.fill(quantity, price, now);
    }

    /**
     * The group commit (end of each ring batch, and before every command): writes the pending fills and order
     * states to the journal with one flush, then applies the fills to the books and publishes them with the new
     * positions. On failure the fills are undone on their orders and the exception is rethrown; nothing is
     * published.
     */
    void commit() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            int fills = pending.fillCount();
            for (int k = 0; k < fills; k++) {
                PortfolioJournal.writeFill(journal, pending.seq(k), pending.fill(k));
            }
            int orderCount = pending.orderCount();
            for (int k = 0; k < orderCount; k++) {
                PortfolioJournal.writeOrder(journal, pending.order(k));
            }
            journal.flush();
        } catch (RuntimeException e) {
            journal.abort();
            long first = pending.undoFills(reopen);
            if (first > 0) {
                fillSeq = first - 1;
            }
            throw e;
        }
        int n = pending.fillCount();
        for (int k = 0; k < n; k++) {
            Fill f = pending.fill(k);
            publish(accounts.get(f.portfolioId()), f);
        }
        fillCount += n;
        pending.clear();
        publishChangedStates();
    }

    /** Publishes the state of every account whose book the batch changed (after the batch's fills). */
    private void publishChangedStates() {
        if (changed.isEmpty()) {
            return;
        }
        long now = clock.nowNanos();
        for (int k = 0; k < changed.size(); k++) {
            Account a = changed.get(k);
            a.changed = false;
            publishState(a, now);
        }
        changed.clear();
    }

    private void publishState(Account a, long now) {
        if (a.stateTopic == null) {
            return;
        }
        try {
            bus.publish(a.stateTopic, state(a, now));
        } catch (IllegalArgumentException e) {
            // a book the state record refuses (a symbol stored before symbols were checked): the fills stay committed
            LOG.warn("no portfolio.state for {}: {}", a.info.portfolioId(), e.getMessage());
        }
    }

    PortfolioState state(Account a, long now) {
        return books.state(a.info, a.book, now);
    }

    /** Answers a {@link PortfolioStateRequest}: every portfolio (null id), the one asked for, or none. */
    PortfolioStates states(PortfolioStateRequest request) {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("portfolio commit before a state request failed: {}", e.toString());
        }
        long now = clock.nowNanos();
        var list = new ArrayList<PortfolioState>();
        if (request.portfolioId() == null) {
            for (Account a : accounts.values()) {
                if (a.stateTopic != null) {
                    list.add(state(a, now));
                }
            }
        } else {
            Account a = accounts.get(request.portfolioId());
            if (a != null && a.stateTopic != null) {
                list.add(state(a, now));
            }
        }
        return new PortfolioStates(list, now);
    }

    /**
     * Once the engine is ready (after each start): orders the last run left waiting for Risk are expired when they
     * waited longer than {@code maxAgeNanos} (rejected with {@value #EXPIRED_AT_RESTART}), the rest stay pending;
     * then every portfolio's state is published, and then the pending orders' intents again (same order ids, oldest
     * first), so Risk sees each book before the orders on it. Risk's decision is applied once: a decision for an order
     * no longer pending is ignored.
     */
    int recover(long maxAgeNanos) {
        settle();
        long now = clock.nowNanos();
        var resend = new ArrayList<Order>();
        for (Order o : orders.values()) {
            if (o.status() != OrderStatus.PENDING_RISK && o.status() != OrderStatus.NEW) {
                continue;
            }
            if (now - o.updatedNanos() > maxAgeNanos) {
                o.transition(OrderStatus.REJECTED, List.of(EXPIRED_AT_RESTART), now);
                pending.addOrder(o);
                rejectedCount++;
                pendingRiskExpired++;
            } else {
                resend.add(o);
            }
        }
        commit();
        for (Account a : accounts.values()) {
            publishState(a, now);
        }
        resend.sort(Comparator.comparingLong((Order o) -> o.intent().tsNanos()));
        for (Order o : resend) {
            bus.publish(Topics.ORDER_INTENT, o.intent());
        }
        pendingRiskResent += resend.size();
        if (pendingRiskExpired + resend.size() > 0) {
            LOG.info("orders waiting for risk at start: {} sent to risk again, {} expired", resend.size(), pendingRiskExpired);
        }
        return resend.size();
    }

    /** An order whose fill was undone works again. */
    private void reopen(Order o) {
        List<Order> list = working.computeIfAbsent(o.intent().symbol(), s -> new ArrayList<>());
        if (!list.contains(o)) {
            list.add(o);
        }
    }

    private void publish(Account a, Fill fill) {
        Position p = a.book.apply(fill.symbol(), fill.signedQuantity(), fill.price(), fill.commission(), fill.tsNanos());
        if (!a.changed) {
            a.changed = true;
            changed.add(a);
        }
        bus.publish(a.fillTopic, fill);
        double mark = prices.mark(fill.symbol());
        bus.publish(a.positionTopic, new PositionUpdate(fill.portfolioId(), fill.symbol(), p.quantity(), p.averageCost(),
                p.realizedPnl(), mark > 0 ? mark : fill.price(), fill.tsNanos()));
    }

    // ---- ring calls (from HTTP and compute threads through EngineContext.call) ----

    /**
     * The end-of-batch hook and the first step of every ring call: commits what the batch so far left pending, so a
     * call sees (and adds to) durable state. A refused commit (journal full, a disk error) undoes that batch's fills
     * (their orders work again) and keeps its order states queued; it is logged, not thrown, so the ring calls of
     * the batch still answer from memory, and calls that change state fail on their own commit.
     */
    void settle() {
        try {
            commit();
        } catch (RuntimeException e) {
            LOG.warn("portfolio commit failed (the batch's fills are undone, their orders work again): {}", e.toString());
        }
    }

    private Account account(String portfolioId) {
        Account a = accounts.get(portfolioId);
        if (a == null) {
            throw DomainFailure.notFound("no portfolio '" + Checks.shorten(portfolioId) + "'");
        }
        return a;
    }

    /** Every portfolio, in creation order. */
    List<Views.PortfolioView> list() {
        settle();
        return accounts.values().stream().map(this::view).toList();
    }

    /** One portfolio; {@link DomainFailure} NOT_FOUND if there is none. */
    Views.PortfolioView view(String portfolioId) {
        settle();
        return view(account(portfolioId));
    }

    /** A new portfolio (its row written before the answer, its state published); CONFLICT if the id exists. */
    PortfolioInfo create(PortfolioInfo info) {
        settle();
        if (accounts.containsKey(info.portfolioId())) {
            throw DomainFailure.conflict("portfolio '" + info.portfolioId() + "' already exists");
        }
        store.insertPortfolio(info);
        Account a = new Account(info);
        accounts.put(info.portfolioId(), a);
        // before the answer: an order placed after it publishes its intent after this state (same lane)
        publishState(a, clock.nowNanos());
        return info;
    }

    /** True when the symbol is tradable here: market data seen, or part of the portfolio's universe. */
    private boolean known(Account a, String symbol) {
        return prices.mark(symbol) > 0 || a.info.symbols().contains(symbol) || a.book.position(symbol) != null;
    }

    /**
     * Accepts an order (durable as PENDING_RISK before its intent is published on {@code order.intent} for Risk).
     * NOT_FOUND without the portfolio; UNPROCESSABLE for an unknown symbol or a reduce-only order that would not
     * reduce.
     */
    Views.OrderView submit(OrderIntent intent) {
        settle();
        Account a = account(intent.portfolioId());
        if (!known(a, intent.symbol())) {
            throw DomainFailure.unprocessable("symbol", "unknown symbol '" + intent.symbol()
                    + "': no market data seen and not in the portfolio's symbols");
        }
        if (intent.reduceOnly()) {
            Position p = a.book.position(intent.symbol());
            double held = p == null ? 0 : p.quantity();
            if (held * intent.side().sign() >= 0 || intent.quantity() > Math.abs(held) + Position.EPSILON) {
                throw DomainFailure.unprocessable("reduce_only", "reduce_only order would not reduce the position of "
                        + intent.quantity() + " " + intent.symbol() + " (held " + held + ")");
            }
        }
        Order o = new Order(intent, OrderStatus.PENDING_RISK, 0, 0, List.of(), clock.nowNanos());
        orders.put(intent.orderId(), o);
        pending.addOrder(o);
        commit();
        bus.publish(Topics.ORDER_INTENT, intent);
        return view(o);
    }

    /**
     * A position entered by hand: a manual fill at {@code price} (NaN: the current mark; UNPROCESSABLE "price"
     * without one), committed and published like any fill.
     */
    Views.PortfolioView addPosition(String portfolioId, String symbol, double quantity, double price) {
        settle();
        Account a = account(portfolioId);
        if (Double.isNaN(price)) {
            price = prices.mark(symbol);
            if (!(price > 0)) {
                throw DomainFailure.unprocessable("price", "price is required: no market price seen for " + symbol);
            }
        }
        long now = clock.nowNanos();
        long seq = ++fillSeq;
        Side side = quantity > 0 ? Side.BUY : Side.SELL;
        pending.addFill(seq, new Fill("F" + seq, "manual-" + seq, portfolioId, symbol, side,
                Math.abs(quantity), price, 0.0, now), null);
        commit();
        return view(a);
    }

    /** Cancels a working order; NOT_FOUND for no such order in the portfolio, CONFLICT once it is final. */
    Views.OrderView cancel(String portfolioId, String orderId) {
        settle();
        Order o = orders.get(orderId);
        if (o == null || !o.intent().portfolioId().equals(portfolioId)) {
            throw DomainFailure.notFound("no order '" + Checks.shorten(orderId) + "' in portfolio '"
                    + Checks.shorten(portfolioId) + "'");
        }
        if (o.status().isFinal()) {
            throw DomainFailure.conflict("order '" + orderId + "' is already " + o.status().wireName());
        }
        o.transition(OrderStatus.CANCELLED, List.of("CANCELLED_BY_USER"), clock.nowNanos());
        List<Order> list = working.get(o.intent().symbol());
        if (list != null) {
            list.remove(o);
        }
        pending.addOrder(o);
        commit();
        return view(o);
    }

    /** The portfolio's orders, oldest first; NOT_FOUND without the portfolio. */
    List<Views.OrderView> orders(String portfolioId) {
        settle();
        account(portfolioId);
        return orders.values().stream().filter(o -> o.intent().portfolioId().equals(portfolioId))
                .sorted(Comparator.comparingLong((Order o) -> o.intent().tsNanos()))
                .map(PortfolioDesk::view).toList();
    }

    /** Mark prices of some symbols (0 = none seen), in the order given. */
    Map<String, Double> marks(Collection<String> symbols) {
        var m = new LinkedHashMap<String, Double>();
        for (String s : symbols) {
            m.put(s, prices.mark(s));
        }
        return m;
    }

    // ---- views ----

    /** The portfolio as {@code GET /portfolios/{id}} shows it, at this desk's marks. */
    Views.PortfolioView view(Account a) {
        int open = 0;
        for (Order o : orders.values()) {
            if (o.intent().portfolioId().equals(a.info.portfolioId()) && !o.status().isFinal()) {
                open++;
            }
        }
        return books.view(a.info, a.book, open);
    }

    static Views.OrderView view(Order o) {
        return BookViews.view(o);
    }
}
