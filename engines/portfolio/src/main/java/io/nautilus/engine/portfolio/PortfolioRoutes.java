package io.nautilus.engine.portfolio;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;
import io.nautilus.core.quant.stats.MaxDrawdown;
import io.nautilus.core.store.journal.JournaledStore;
import io.nautilus.engine.portfolio.Commands.Reply;
import io.nautilus.engine.portfolio.OptimizeRequests.OptimizeBody;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** HTTP handlers of the Portfolio engine. Runs on HTTP virtual threads; state is asked from the ring thread. */
final class PortfolioRoutes {
    record CreateBody(String portfolioId, String portfolioName, Double initialValue, Double cashBalance,
                      String optimizationMethod, String rebalanceFrequency, List<String> symbols) {
    }

    record PositionBody(String symbol, Double quantity, Double price, Double averageCost) {
    }

    record OrderBody(String symbol, String side, Double quantity, String orderType, Double limitPrice,
                     String strategyId, Boolean reduceOnly) {
    }

    private final EngineContext ctx;
    private final PortfolioStore store;
    private final JournaledStore<PortfolioJournal.Row> journal;
    private final PortfolioSettings settings;
    private final Duration timeout;
    private final PortfolioOptimizing optimizing;
    private final Rebalancing rebalancing;

    PortfolioRoutes(EngineContext ctx, PortfolioStore store, JournaledStore<PortfolioJournal.Row> journal,
                    PortfolioSettings settings) {
        this.journal = journal;
        this.ctx = ctx;
        this.store = store;
        this.settings = settings;
        this.timeout = settings.requestTimeout();
        this.optimizing = new PortfolioOptimizing(ctx, store, this::ask, settings);
        this.rebalancing = new Rebalancing(ctx, store, settings, this::ask, optimizing);
    }

    void register(RoutesConfig r) {
        r.get("/portfolios", c -> {
            List<?> list = (List<?>) ask(new Commands.ListPortfolios());
            c.json(Map.of("portfolios", list, "count", list.size()));
        });
        r.post("/portfolios", this::create);
        r.get("/portfolios/{id}", c -> c.json(ask(new Commands.Snapshot(c.pathParam("id")))));
        r.post("/portfolios/{id}/positions", this::addPosition);
        r.post("/portfolios/{id}/orders", this::submitOrder);
        r.get("/portfolios/{id}/orders", c -> {
            List<?> list = (List<?>) ask(new Commands.ListOrders(c.pathParam("id")));
            c.json(Map.of("portfolio_id", c.pathParam("id"), "orders", list, "count", list.size()));
        });
        r.delete("/portfolios/{id}/orders/{orderId}",
                c -> c.json(ask(new Commands.Cancel(c.pathParam("id"), c.pathParam("orderId")))));
        r.get("/portfolios/{id}/fills", c -> {
            ask(new Commands.Snapshot(c.pathParam("id")));
            awaitStore();
            var fills = store.loadFills(c.pathParam("id"));
            c.json(Map.of("portfolio_id", c.pathParam("id"), "fills", fills, "count", fills.size()));
        });
        r.get("/portfolios/{id}/performance", this::performance);
        r.post("/portfolios/{id}/optimize", c -> c.json(compute(() -> optimizing.forPortfolio(c.pathParam("id"),
                Bodies.readOr(c, OptimizeBody.class, emptyOptimize())))));
        r.get("/portfolios/{id}/optimization-history", this::history);
        r.post("/portfolios/{id}/rebalance", c -> c.json(compute(() -> rebalancing.rebalance(c.pathParam("id"),
                Bodies.readOr(c, Rebalancing.RebalanceBody.class, Rebalancing.RebalanceBody.EMPTY)))));
        r.post("/optimize", c -> c.json(compute(() -> optimizing.stateless(Bodies.read(c, OptimizeBody.class)))));
    }

    private static OptimizeBody emptyOptimize() {
        return new OptimizeBody(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** Sends a command to the ring thread and returns its answer, throwing its problem. */
    Object ask(Commands.Command command) {
        Reply reply;
        try {
            reply = ctx.bus().request(Commands.TOPIC, command, Reply.class, timeout).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted", 1);
        } catch (ExecutionException e) {
            throw ProblemException.unavailable("portfolio engine did not answer: " + e.getCause().getMessage(), 1);
        }
        if (reply.problem() != null) {
            throw reply.problem();
        }
        return reply.body();
    }

    /**
     * Waits until the store holds every journal record flushed so far (call after {@link #ask}, whose command
     * committed the ring's pending writes), so reads from the store see every published fill.
     */
    private void awaitStore() {
        try {
            if (!journal.awaitApplied(journal.journal().lastSeq(), timeout.toMillis())) {
                String error = journal.lastError();
                throw ProblemException.unavailable("the store is behind the journal" + (error == null ? "" : ": " + error), 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted", 1);
        }
    }

    /** Runs heavy work on the compute bulkhead and waits for it on this virtual thread; infeasible constraints are 422. */
    private <T> T compute(Supplier<T> work) {
        try {
            return ctx.compute().executeSupplier(work).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof io.nautilus.engine.portfolio.optimize.InfeasibleConstraintsException ic) {
                throw ProblemException.unprocessable(ic.getMessage(),
                        List.of(new io.nautilus.core.http.FieldError("constraints", ic.getMessage())));
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private void create(Context c) {
        CreateBody b = Bodies.read(c, CreateBody.class);
        var v = new Validator();
        String name = checked(v, "portfolio_name", b.portfolioName(), Checks::name);
        double initial = v.positive("initial_value", b.initialValue());
        double cash = b.cashBalance() == null ? initial : v.finite("cash_balance", b.cashBalance());
        if (Double.isFinite(cash) && cash < 0) {
            v.error("cash_balance", "must be >= 0, got " + cash);
        }
        String method = b.optimizationMethod() == null ? "min_variance" : b.optimizationMethod();
        try {
            method = io.nautilus.engine.portfolio.optimize.OptimizationMethod.parse(method).wireName();
        } catch (IllegalArgumentException e) {
            v.error("optimization_method", e.getMessage());
        }
        String frequency = "none";
        try {
            frequency = io.nautilus.engine.portfolio.rebalance.RebalanceSchedule.Frequency.parse(b.rebalanceFrequency())
                    .name().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            v.error("rebalance_frequency", e.getMessage());
        }
        List<String> given = b.symbols() == null ? List.of() : b.symbols();
        var symbols = new java.util.ArrayList<String>(given.size());
        for (int i = 0; i < given.size(); i++) {
            try {
                symbols.add(Checks.symbol("symbols[" + i + "]", given.get(i)));
            } catch (IllegalArgumentException e) {
                v.error("symbols[" + i + "]", e.getMessage());
            }
        }
        String id = b.portfolioId() == null || b.portfolioId().isBlank() ? "pf-" + UUID.randomUUID()
                : checked(v, "portfolio_id", b.portfolioId(), Checks::id);
        v.throwIfInvalid();
        var info = new PortfolioInfo(id, name, initial, cash, method, frequency, symbols.stream().distinct().toList(),
                ctx.clock().nowNanos());
        ask(new Commands.Create(info));
        var body = new LinkedHashMap<String, Object>();
        body.put("status", "created");
        body.put("portfolio_id", id);
        body.put("portfolio", ask(new Commands.Snapshot(id)));
        c.status(201).json(body);
    }

    /** Applies a {@link Checks} rule, recording its message as the field's error (and returning null) when it fails. */
    private static String checked(Validator v, String field, String value,
                                  java.util.function.BiFunction<String, String, String> rule) {
        try {
            return rule.apply(field, value);
        } catch (IllegalArgumentException e) {
            v.error(field, e.getMessage());
            return null;
        }
    }

    private void addPosition(Context c) {
        PositionBody b = Bodies.read(c, PositionBody.class);
        var v = new Validator();
        String symbol = v.notBlank("symbol", b.symbol());
        double quantity = v.finite("quantity", b.quantity());
        if (Double.isFinite(quantity) && quantity == 0) {
            v.error("quantity", "must not be 0 (positive buys, negative sells)");
        }
        Double priceBox = b.price() != null ? b.price() : b.averageCost();
        double price = priceBox == null ? Double.NaN : v.positive("price", priceBox);
        v.throwIfInvalid();
        String canonical = Validator.symbol("symbol", symbol);
        c.status(201).json(ask(new Commands.AddPosition(c.pathParam("id"), canonical, quantity, price)));
    }

    private void submitOrder(Context c) {
        OrderBody b = Bodies.readStrict(c, OrderBody.class);
        var v = new Validator();
        String symbol = v.notBlank("symbol", b.symbol());
        Side side = null;
        if (b.side() == null || !(b.side().equalsIgnoreCase("buy") || b.side().equalsIgnoreCase("sell"))) {
            v.error("side", "must be buy or sell, got " + Checks.shorten(b.side()));
        } else {
            side = Side.valueOf(b.side().toUpperCase(Locale.ROOT));
        }
        double quantity = v.positive("quantity", b.quantity());
        OrderType type = OrderType.MARKET;
        if (b.orderType() != null) {
            if (b.orderType().equalsIgnoreCase("limit")) {
                type = OrderType.LIMIT;
            } else if (!b.orderType().equalsIgnoreCase("market")) {
                v.error("order_type", "must be market or limit, got " + Checks.shorten(b.orderType()));
            }
        }
        double limit = type == OrderType.LIMIT ? v.positive("limit_price", b.limitPrice()) : Double.NaN;
        String strategy = b.strategyId() == null || b.strategyId().isBlank() ? null
                : checked(v, "strategy_id", b.strategyId(), Checks::id);
        v.throwIfInvalid();
        var intent = new OrderIntent("ord-" + UUID.randomUUID(), c.pathParam("id"), strategy,
                Validator.symbol("symbol", symbol), side,
                quantity, type, limit, Boolean.TRUE.equals(b.reduceOnly()), ctx.clock().nowNanos());
        c.status(202).json(ask(new Commands.Submit(intent)));
    }

    private void performance(Context c) {
        var view = (Views.PortfolioView) ask(new Commands.Snapshot(c.pathParam("id")));
        double[] equity = store.equity(view.portfolioId());
        var body = new LinkedHashMap<String, Object>();
        body.put("portfolio_id", view.portfolioId());
        body.put("initial_value", view.initialValue());
        body.put("total_value", view.totalValue());
        body.put("cash_balance", view.cashBalance());
        body.put("positions_value", view.positionsValue());
        body.put("total_return_pct", view.totalReturnPct());
        body.put("realized_pnl", view.realizedPnl());
        body.put("unrealized_pnl", view.unrealizedPnl());
        body.put("fees", view.fees());
        body.put("net_pnl", view.totalValue() - view.initialValue());
        body.put("equity_snapshots", equity.length);
        if (equity.length >= 2) {
            body.put("max_drawdown_pct", MaxDrawdown.ofWealth(equity).depth() * 100);
        } else {
            body.put("max_drawdown_pct", null);
            body.put("insufficient_data", "max_drawdown_pct needs at least 2 equity snapshots (taken every "
                    + settings.snapshotIntervalSeconds() + " s)");
        }
        c.json(body);
    }

    private void history(Context c) {
        ask(new Commands.Snapshot(c.pathParam("id")));
        int limit = 100;
        String q = c.queryParam("limit");
        if (q != null) {
            try {
                limit = Integer.parseInt(q);
            } catch (NumberFormatException e) {
                throw ProblemException.badField("limit", "must be an integer, got '" + q + "'");
            }
            if (limit < 1 || limit > 10_000) {
                throw ProblemException.badField("limit", "must be in [1, 10000], got " + limit);
            }
        }
        var items = store.optimizations(c.pathParam("id"), limit).stream().map(s -> {
            try {
                return io.nautilus.core.http.Json.mapper().readTree(s);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("corrupt optimization record: " + e.getMessage(), e);
            }
        }).toList();
        c.json(Map.of("portfolio_id", c.pathParam("id"), "optimizations", items, "count", items.size()));
    }

    /** Health details of the scheduled rebalances. */
    void describe(Map<String, Object> details) {
        rebalancing.skips().describe(details);
    }

    /** Timer tick on the ring thread: equity snapshots, then scheduled rebalances. */
    void onTick(PortfolioDesk desk, long nowNanos) {
        for (Account a : desk.accounts().values()) {
            store.insertEquity(a.info.portfolioId(), nowNanos, desk.view(a).totalValue());
        }
        rebalancing.onTick(desk, nowNanos);
    }
}
