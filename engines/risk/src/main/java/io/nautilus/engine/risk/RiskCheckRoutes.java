package io.nautilus.engine.risk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.EngineHttpServer;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Side;

import io.nautilus.engine.risk.http.RiskApi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The risk engine's check, breach and monitoring routes: {@code POST /risk/check/{portfolio_id}},
 * {@code POST /risk/pretrade}, {@code GET /risk/breaches}, {@code POST /risk/breaches/{id}/resolve} and
 * {@code /risk/monitor/*} (docs/risk.md). Handlers validate on their virtual thread, then ask the ring thread
 * through {@link RiskRoutes#ask}; breach history is read from the store.
 */
final class RiskCheckRoutes {
    private final RiskRoutes routes;
    private final RiskEngine engine;
    private final RiskStore store;

    RiskCheckRoutes(RiskRoutes routes, RiskEngine engine, RiskStore store) {
        this.routes = routes;
        this.engine = engine;
        this.store = store;
    }

    void register(RoutesConfig r) {
        r.post("/risk/check/{portfolio_id}", this::check);
        r.post("/risk/pretrade", this::preTrade);
        r.get("/risk/breaches", this::breaches);
        r.post("/risk/breaches/{breach_id}/resolve", this::resolve);
        // GET kept for the seed's clients; it changes state, so it needs the API token like the POST
        r.get("/risk/monitor/start", c -> monitor(c, true), EngineHttpServer.Access.STATE_CHANGING);
        r.post("/risk/monitor/start", c -> monitor(c, true));
        r.post("/risk/monitor/stop", c -> monitor(c, false));
        r.get("/risk/monitor/status", c -> monitor(c, null));
    }

    private void check(Context c) {
        String portfolio = RiskRoutes.portfolioId(c);
        RiskApi.CheckBody body = Bodies.text(c).isBlank() ? RiskApi.CheckBody.EMPTY
                : Bodies.readStrict(c, RiskApi.CheckBody.class);
        var v = new Validator();
        var positions = new ArrayList<RiskCommands.CheckPosition>();
        List<RiskApi.PositionBody> posted = body.allPositions();
        for (int i = 0; i < posted.size(); i++) {
            positions.add(position(posted.get(i), i, v));
        }
        if (body.equity() != null) {
            v.positive("equity", body.equity());
        }
        v.throwIfInvalid();
        var question = new RiskCommands.Check(portfolio, positions, body.equity());
        RiskCommands.CheckOutcome out = routes.ask(state -> state.check(question, engine.now()));
        if (out.refused() != null) {
            throw RiskRoutes.noBook(portfolio, out.refused());
        }
        var response = new LinkedHashMap<String, Object>();
        response.put("status", "checked");
        response.put("portfolio_id", portfolio);
        // posted positions make a what-if: its breaches are recorded apart, marked what_if (docs/risk.md)
        response.put("what_if", !positions.isEmpty());
        response.put("breaches_found", out.breaches().size());
        response.put("breaches", out.breaches());
        response.put("evaluations", out.evaluations().stream().map(RiskViews.EvaluationView::of).toList());
        c.json(response);
    }

    /** A posted position: needs quantity or market_value; price from price, else market_value / quantity. */
    private static RiskCommands.CheckPosition position(RiskApi.PositionBody p, int i, Validator v) {
        String field = "positions[" + i + "]";
        if (p == null || (p.quantity() == null && p.marketValue() == null)) {
            v.error(field, "needs quantity or market_value");
            return null;
        }
        String symbol = p.symbol() == null || p.symbol().isBlank() ? "POS-" + (i + 1) : p.symbol();
        try {
            io.nautilus.core.model.Checks.validSymbol(field + ".symbol", symbol);
        } catch (IllegalArgumentException e) {
            v.error(field + ".symbol", e.getMessage());
        }
        double mv = p.marketValue() == null ? Double.NaN : v.finite(field + ".market_value", p.marketValue());
        double qty = p.quantity() == null ? Math.signum(mv) : v.finite(field + ".quantity", p.quantity());
        double price = p.price() != null ? v.positive(field + ".price", p.price())
                : !Double.isNaN(mv) && qty != 0 ? Math.abs(mv / qty) : 0;
        double pnl = p.unrealizedPnl() == null ? 0 : v.finite(field + ".unrealized_pnl", p.unrealizedPnl());
        double leverage = p.leverage() == null ? 0 : v.finite(field + ".leverage", p.leverage());
        if (leverage < 0) {
            v.error(field + ".leverage", "must be >= 0, got " + leverage);
        }
        return new RiskCommands.CheckPosition(symbol, qty, price, pnl, leverage);
    }

    private void preTrade(Context c) {
        RiskApi.OrderBody b = Bodies.readStrict(c, RiskApi.OrderBody.class);
        var v = new Validator();
        v.notBlank("portfolio_id", b.portfolioId());
        v.notBlank("symbol", b.symbol());
        v.notBlank("side", b.side());
        double qty = v.positive("quantity", b.quantity());
        if (b.limitPrice() != null) {
            v.positive("limit_price", b.limitPrice());
        }
        v.throwIfInvalid();
        io.nautilus.core.model.Checks.id("portfolio_id", b.portfolioId());
        io.nautilus.core.model.Checks.validSymbol("symbol", b.symbol());
        RiskApi.optionalId("order_id", b.orderId());
        RiskApi.optionalId("strategy_id", b.strategyId());
        Side side = apiEnum("side", b.side(), Side.class);
        OrderType type = b.type() == null ? OrderType.MARKET : apiEnum("type", b.type(), OrderType.class);
        var intent = new OrderIntent(b.orderId() == null ? "http-" + UUID.randomUUID() : b.orderId(),
                b.portfolioId(), b.strategyId(), b.symbol(), side, qty, type,
                b.limitPrice() == null ? Double.NaN : b.limitPrice(), b.reduceOnly() != null && b.reduceOnly(),
                engine.now());
        RiskDecision d = routes.ask(state -> state.check(intent, engine.now(), true));
        c.json(Map.of("order_id", intent.orderId(), "portfolio_id", intent.portfolioId(), "approved", d.approved(),
                "reasons", d.reasons(), "decision_time", RiskViews.iso(d.tsNanos())));
    }

    /**
     * {@link Side} and {@link OrderType} of the shared model are not {@code WireName} enums (nautilus-api, outside
     * this engine): their constant names in any case, else 400 naming the field.
     */
    private static <E extends Enum<E>> E apiEnum(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", got '"
                    + io.nautilus.core.model.Checks.shorten(value) + "'");
        }
    }

    private void breaches(Context c) {
        int limit = QueryParams.intParam(c, "limit", 1000, 1, 100_000);
        boolean active = QueryParams.booleanParam(c, "active", false);
        Boolean whatIf = QueryParams.booleanParam(c, "what_if");
        String portfolio = c.queryParam("portfolio_id");
        // live breaches are in the store, what-if ones in the ring's memory (BreachLog)
        var all = new ArrayList<RiskStore.BreachRecord>();
        if (!Boolean.TRUE.equals(whatIf)) {
            all.addAll(store.breaches(portfolio, active, false, limit));
        }
        if (!Boolean.FALSE.equals(whatIf)) {
            all.addAll(whatIfBreaches(portfolio, active, limit));
        }
        all.sort(BreachLog.NEWEST_FIRST);
        var list = all.stream().limit(limit).map(RiskViews.BreachView::of).toList();
        c.json(Map.of("breaches", list, "count", list.size()));
    }

    private List<RiskStore.BreachRecord> whatIfBreaches(String portfolio, boolean openOnly, int limit) {
        return routes.ask(state -> state.breaches.whatIf(portfolio, openOnly, limit));
    }

    private void resolve(Context c) {
        String breachId = io.nautilus.core.model.Checks.id("breach_id", c.pathParam("breach_id"));
        RiskApi.ResolveBody body = Bodies.text(c).isBlank() ? new RiskApi.ResolveBody(null)
                : Bodies.readStrict(c, RiskApi.ResolveBody.class);
        String action = body.actionTaken() == null || body.actionTaken().isBlank() ? "resolved" : body.actionTaken();
        var question = new RiskCommands.Resolve(breachId, action, RiskRoutes.actor(c));
        RiskCommands.ResolveOutcome out = routes.ask(state -> state.breaches.resolve(question, engine.now()));
        if (BreachTracker.NOT_OPEN.equals(out.error())) {
            RiskStore.BreachRecord stored = out.breach() != null ? out.breach() : store.breach(breachId).orElseThrow(() ->
                    ProblemException.notFound("no breach '" + breachId + "'"));
            throw ProblemException.conflict("breach " + stored.breachId() + " was already resolved at "
                    + RiskViews.iso(stored.resolutionTimeNanos()));
        }
        c.json(Map.of("status", "resolved", "breach", RiskViews.BreachView.of(out.breach())));
    }

    private void monitor(Context c, Boolean on) {
        RiskCommands.MonitorStatus s = routes.ask(state -> state.monitor(on, engine.now()));
        c.json(Map.of("status", s.monitoring() ? "monitoring" : "stopped", "monitoring", s.monitoring(),
                "portfolios", s.portfolios(), "limits", s.limits(), "open_breaches", s.openBreaches(),
                "open_what_if_breaches", s.openWhatIfBreaches()));
    }
}
