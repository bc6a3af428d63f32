package io.nautilus.engine.portfolio;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.http.Await;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.Checks;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.WireNames;
import io.nautilus.core.quant.stats.MaxDrawdown;
import io.nautilus.core.store.journal.JournaledStore;
import io.nautilus.engine.portfolio.OptimizeRequests.OptimizeBody;
import io.nautilus.engine.portfolio.PortfolioStore.EquitySample;
import io.nautilus.engine.portfolio.optimize.OptimizationMethod;
import io.nautilus.engine.portfolio.rebalance.RebalanceSchedule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * HTTP handlers of the Portfolio engine. Run on HTTP virtual threads: the desk is asked with ring calls
 * ({@link EngineContext#call}, answered after the batch's group commit), optimizations and rebalances run on the
 * compute pool ({@link EngineContext#offload}, at most {@link #COMPUTE_TIMEOUT}); {@link Await} maps their
 * {@code DomainFailure}s and time-outs to problem+json.
 */
final class PortfolioRoutes {
    record CreateBody(String portfolioId, String portfolioName, Double initialValue, Double cashBalance,
                      String optimizationMethod, String rebalanceFrequency, List<String> symbols) {
    }

    record PositionBody(String symbol, Double quantity, Double price, Double averageCost) {
    }

    record OrderBody(String symbol, String side, Double quantity, String orderType, Double limitPrice,
                     String strategyId, Boolean reduceOnly) {
    }

    /** Longest wait for an optimization or a rebalance on the compute pool (its market data requests included). */
    static final Duration COMPUTE_TIMEOUT = Duration.ofSeconds(60);

    private final EngineContext ctx;
    private final PortfolioDesk desk;
    private final PortfolioStore store;
    private final JournaledStore<PortfolioJournal.Row> journal;
    private final WriteBehind<EquitySample> equity;
    private final PortfolioSettings settings;
    private final Duration timeout;
    private final PortfolioOptimizing optimizing;
    private final Rebalancing rebalancing;

    PortfolioRoutes(EngineContext ctx, PortfolioDesk desk, PortfolioStore store,
                    JournaledStore<PortfolioJournal.Row> journal, WriteBehind<EquitySample> equity,
                    ScheduledRebalances scheduled, WriteBehind<PortfolioStore.Targets> targets, PortfolioSettings settings) {
        this.ctx = ctx;
        this.desk = desk;
        this.store = store;
        this.journal = journal;
        this.equity = equity;
        this.settings = settings;
        this.timeout = settings.requestTimeout();
        this.optimizing = new PortfolioOptimizing(ctx.bus(), ctx.clock(), store, this::ask, settings);
        this.rebalancing = new Rebalancing(ctx.clock(), settings, this::ask, scheduled, targets, optimizing);
    }

    void register(RoutesConfig r) {
        r.get("/portfolios", c -> {
            List<Views.PortfolioView> list = ask(PortfolioDesk::list);
            c.json(Map.of("portfolios", list, "count", list.size()));
        });
        r.post("/portfolios", this::create);
        r.get("/portfolios/{id}", c -> c.json(view(c.pathParam("id"))));
        r.post("/portfolios/{id}/positions", this::addPosition);
        r.post("/portfolios/{id}/orders", this::submitOrder);
        r.get("/portfolios/{id}/orders", c -> {
            String id = c.pathParam("id");
            List<Views.OrderView> list = ask(d -> d.orders(id));
            c.json(Map.of("portfolio_id", id, "orders", list, "count", list.size()));
        });
        r.delete("/portfolios/{id}/orders/{orderId}", c -> {
            String id = c.pathParam("id");
            String orderId = c.pathParam("orderId");
            c.json(ask(d -> d.cancel(id, orderId)));
        });
        r.get("/portfolios/{id}/fills", c -> {
            view(c.pathParam("id"));
            awaitStore();
            var fills = store.loadFills(c.pathParam("id"));
            c.json(Map.of("portfolio_id", c.pathParam("id"), "fills", fills, "count", fills.size()));
        });
        r.get("/portfolios/{id}/performance", this::performance);
        r.post("/portfolios/{id}/optimize", c -> {
            String id = c.pathParam("id");
            OptimizeBody body = Bodies.readOr(c, OptimizeBody.class, emptyOptimize());
            c.json(compute(() -> optimizing.forPortfolio(id, body)));
        });
        r.get("/portfolios/{id}/optimization-history", this::history);
        r.post("/portfolios/{id}/rebalance", c -> {
            String id = c.pathParam("id");
            var body = Bodies.readOr(c, Rebalancing.RebalanceBody.class, Rebalancing.RebalanceBody.EMPTY);
            c.json(compute(() -> rebalancing.rebalance(id, body)));
        });
        r.post("/optimize", c -> {
            OptimizeBody body = Bodies.read(c, OptimizeBody.class);
            c.json(compute(() -> optimizing.stateless(body)));
        });
    }

    private static OptimizeBody emptyOptimize() {
        return new OptimizeBody(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** Runs {@code fn} on the desk's ring thread and waits for its answer (after the batch's group commit). */
    <T> T ask(Function<PortfolioDesk, T> fn) {
        return Await.result(ctx.call(() -> fn.apply(desk)), timeout, "the portfolio engine");
    }

    private Views.PortfolioView view(String portfolioId) {
        return ask(d -> d.view(portfolioId));
    }

    /**
     * Waits until the store holds every journal record flushed so far (call after {@link #ask}, whose ring call
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

    /** Runs heavy work on the compute pool and waits for it on this virtual thread. */
    private <T> T compute(Supplier<T> work) {
        return Await.result(ctx.offload(work, COMPUTE_TIMEOUT), COMPUTE_TIMEOUT.plusSeconds(1), "the optimization");
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
            method = WireNames.parse(OptimizationMethod.class, "optimization_method", method).wireName();
        } catch (IllegalArgumentException e) {
            v.error("optimization_method", e.getMessage());
        }
        String frequency = "none";
        if (b.rebalanceFrequency() != null && !b.rebalanceFrequency().isBlank()) {
            try {
                frequency = WireNames.parse(RebalanceSchedule.Frequency.class, "rebalance_frequency",
                        b.rebalanceFrequency()).wireName();
            } catch (IllegalArgumentException e) {
                v.error("rebalance_frequency", e.getMessage());
            }
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
        Views.PortfolioView created = ask(d -> {
            d.create(info);
            return d.view(id);
        });
        var body = new LinkedHashMap<String, Object>();
        body.put("status", "created");
        body.put("portfolio_id", id);
        body.put("portfolio", created);
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
        String id = c.pathParam("id");
        c.status(201).json(ask(d -> d.addPosition(id, canonical, quantity, price)));
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
        c.status(202).json(ask(d -> d.submit(intent)));
    }

    private void performance(Context c) {
        Views.PortfolioView view = view(c.pathParam("id"));
        // snapshots the timer took before this call are written before they are read
        equity.flush(timeout);
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
        view(c.pathParam("id"));
        int limit = QueryParams.intParam(c, "limit", 100, 1, 10_000);
        var items = store.optimizations(c.pathParam("id"), limit).stream().map(s -> {
            try {
                return io.nautilus.core.http.Json.mapper().readTree(s);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("corrupt optimization record: " + e.getMessage(), e);
            }
        }).toList();
        c.json(Map.of("portfolio_id", c.pathParam("id"), "optimizations", items, "count", items.size()));
    }
}
