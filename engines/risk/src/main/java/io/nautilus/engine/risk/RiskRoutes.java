package io.nautilus.engine.risk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.http.Await;
import io.nautilus.core.http.Bodies;
import io.nautilus.core.http.ProblemException;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.http.Validator;
import io.nautilus.core.model.WireNames;
import io.nautilus.engine.risk.control.ReasonCodes;
import io.nautilus.engine.risk.control.TradingState;
import io.nautilus.engine.risk.http.RiskApi;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The risk engine's HTTP routes (docs/risk.md lists them with examples). Handlers run on virtual threads: they
 * validate, then read the registry snapshots, write through the registry (persisted and audited), ask the ring
 * thread over the bus, or run heavy work on the compute pool. Checks, breaches and monitoring are in
 * {@link RiskCheckRoutes}, the stateless calculators in {@link RiskCalculatorRoutes}.
 */
final class RiskRoutes {
    static final String ACTOR_HEADER = "X-Actor";

    private final RiskEngine engine;
    private final EngineContext ctx;
    private final RiskSettings settings;
    private final RiskRegistry registry;
    private final RiskStore store;

    RiskRoutes(RiskEngine engine, EngineContext ctx, RiskSettings settings, RiskRegistry registry, RiskStore store) {
        this.engine = engine;
        this.ctx = ctx;
        this.settings = settings;
        this.registry = registry;
        this.store = store;
    }

    void register(RoutesConfig r) {
        r.post("/risk/limits", this::createLimit);
        r.get("/risk/limits", c -> c.json(Map.of("limits", registry.limits().values().stream()
                .map(RiskApi.LimitBody::of).toList(), "count", registry.limits().size())));
        r.get("/risk/limits/{limit_id}", c -> c.json(RiskApi.LimitBody.of(existing(limitId(c)))));
        r.put("/risk/limits/{limit_id}", this::replaceLimit);
        r.delete("/risk/limits/{limit_id}", this::deleteLimit);
        r.post("/risk/limits/{limit_id}/enable", c -> toggle(c, true));
        r.post("/risk/limits/{limit_id}/disable", c -> toggle(c, false));
        r.get("/risk/limits/{limit_id}/audit", c -> c.json(audit("limit", limitId(c), c)));
        r.get("/risk/audit", c -> c.json(audit(c.queryParam("entity_type"), c.queryParam("entity_id"), c)));

        new RiskCheckRoutes(this, engine, store).register(r);

        r.get("/risk/controls", c -> c.json(RiskApi.ControlsBody.of(registry.controls(RiskRegistry.ALL))));
        r.get("/risk/controls/{portfolio_id}", c -> c.json(RiskApi.ControlsBody.of(registry.controls(portfolioId(c)))));
        r.put("/risk/controls", c -> putControls(c, RiskRegistry.ALL));
        r.put("/risk/controls/{portfolio_id}", c -> putControls(c, portfolioId(c)));
        r.get("/risk/trading-state", c -> c.json(Map.of("states", registry.states())));
        r.post("/risk/trading-state", c -> putState(c, RiskRegistry.ALL));
        r.post("/risk/trading-state/{portfolio_id}", c -> putState(c, portfolioId(c)));
        r.get("/risk/reference", c -> c.json(Map.of("symbols", registry.reference(), "count", registry.reference().size())));
        r.post("/risk/reference", this::postReference);
        r.put("/risk/portfolios/{portfolio_id}/capital", this::putCapital);
        r.get("/risk/portfolios/{portfolio_id}", this::portfolio);
        new RiskCalculatorRoutes(settings, this).register(r);
    }

    /** The {@value #ACTOR_HEADER} header (a printable name of at most 200 characters, else 400), or anonymous. */
    static String actor(Context c) {
        String a = c.header(ACTOR_HEADER);
        return a == null || a.isBlank() ? "anonymous" : io.nautilus.core.model.Checks.name(ACTOR_HEADER, a);
    }

    /** The {@code portfolio_id} path parameter, a valid id ({@link io.nautilus.core.model.Checks#id}) or 400. */
    static String portfolioId(Context c) {
        return io.nautilus.core.model.Checks.id("portfolio_id", c.pathParam("portfolio_id"));
    }

    /** The {@code limit_id} path parameter: at most 64 printable characters, else 400 (echo cut). */
    static String limitId(Context c) {
        String id = c.pathParam("limit_id");
        if (id.length() > io.nautilus.core.model.Checks.MAX_ID_LENGTH) {
            throw ProblemException.badField("limit_id", "must be at most 64 characters, got "
                    + io.nautilus.core.model.Checks.shorten(id));
        }
        return io.nautilus.core.model.Checks.name("limit_id", id);
    }

    // ---- limits

    private void createLimit(Context c) {
        LimitDefinition d = Bodies.readStrict(c, RiskApi.LimitBody.class).toDefinition();
        LimitDefinition previous = registry.putLimit(d.limitId(), d, registry.limits().containsKey(d.limitId())
                ? "update" : "create", actor(c), engine.now());
        changed("limits");
        c.status(previous == null ? 201 : 200).json(Map.of("status", previous == null ? "created" : "updated",
                "limit_id", d.limitId()));
    }

    private void replaceLimit(Context c) {
        String id = limitId(c);
        RiskApi.LimitBody body = Bodies.readStrict(c, RiskApi.LimitBody.class);
        if (body.limitId() != null && !body.limitId().equals(id)) {
            throw ProblemException.badField("limit_id", "must match the path (" + io.nautilus.core.model.Checks.shorten(id)
                    + ") or be absent");
        }
        LimitDefinition d = new RiskApi.LimitBody(id, body.limitType(), body.limitValue(), body.thresholdWarning(),
                body.thresholdBreach(), body.enabled(), body.scope(), body.portfolioId(), body.symbol(), body.sector(),
                body.bucket(), body.confidence(), body.horizonDays()).toDefinition();
        LimitDefinition previous = registry.putLimit(id, d, registry.limits().containsKey(id) ? "update" : "create",
                actor(c), engine.now());
        changed("limits");
        c.status(previous == null ? 201 : 200).json(Map.of("status", previous == null ? "created" : "updated",
                "limit_id", id));
    }

    private void deleteLimit(Context c) {
        String id = existing(limitId(c)).limitId();
        registry.putLimit(id, null, "delete", actor(c), engine.now());
        changed("deleted:" + id);
        c.json(Map.of("status", "deleted", "limit_id", id));
    }

    private void toggle(Context c, boolean on) {
        LimitDefinition d = existing(limitId(c));
        registry.putLimit(d.limitId(), d.withEnabled(on), on ? "enable" : "disable", actor(c), engine.now());
        changed("limits");
        c.json(Map.of("status", on ? "enabled" : "disabled", "limit_id", d.limitId()));
    }

    private LimitDefinition existing(String id) {
        LimitDefinition d = registry.limits().get(id);
        if (d == null) {
            throw ProblemException.notFound("no limit '" + io.nautilus.core.model.Checks.shorten(id)
                    + "'; GET /risk/limits lists them");
        }
        return d;
    }

    private Map<String, Object> audit(String entityType, String entityId, Context c) {
        int limit = QueryParams.intParam(c, "limit", 100, 1, 10_000);
        var entries = store.audit(entityType, entityId, limit).stream().map(RiskViews.AuditView::of).toList();
        return Map.of("entries", entries, "count", entries.size());
    }

    // ---- controls, states, reference data, capital

    private void putControls(Context c, String portfolio) {
        var controls = Bodies.readStrict(c, RiskApi.ControlsBody.class).toControls();
        registry.putControls(portfolio, controls, actor(c), engine.now());
        c.json(RiskApi.ControlsBody.of(controls));
    }

    private void putState(Context c, String portfolio) {
        RiskApi.StateBody body = Bodies.readStrict(c, RiskApi.StateBody.class);
        if (body.state() == null) {
            throw ProblemException.badField("state", "is required: active, reducing or halted");
        }
        TradingState s = WireNames.parse(TradingState.class, "state", body.state());
        registry.putState(portfolio, s, body.reason(), actor(c), engine.now());
        c.json(Map.of("portfolio_id", portfolio, "state", s.wireName()));
    }

    private void postReference(Context c) {
        String text = Bodies.text(c);
        List<RiskApi.ReferenceBody> items = text.contains("\"symbols\"")
                ? Bodies.readStrict(c, RiskApi.ReferenceBatch.class).symbols()
                : List.of(Bodies.readStrict(c, RiskApi.ReferenceBody.class));
        if (items == null || items.isEmpty()) {
            throw ProblemException.badField("symbols", "must list at least one symbol");
        }
        var changes = new LinkedHashMap<String, SymbolInfo>();
        for (RiskApi.ReferenceBody item : items) {
            changes.put(item.symbol(), item.toInfo());
        }
        registry.putReference(changes, actor(c), engine.now());
        changed("reference");
        c.json(Map.of("status", "updated", "count", changes.size()));
    }

    private void putCapital(Context c) {
        var v = new Validator();
        double capital = v.positive("capital", Bodies.readStrict(c, RiskApi.CapitalBody.class).capital());
        v.throwIfInvalid();
        registry.putCapital(portfolioId(c), capital, actor(c), engine.now());
        changed("capital");
        c.json(Map.of("portfolio_id", portfolioId(c), "capital", capital));
    }

    private void portfolio(Context c) {
        RiskCommands.PortfolioSnapshot s = knownSnapshot(portfolioId(c));
        var out = new LinkedHashMap<String, Object>();
        out.put("portfolio_id", s.portfolioId());
        out.put("market_values", s.marketValues());
        out.put("cash", s.cash());
        out.put("initial_value", s.capital());
        out.put("equity", s.equity());
        out.put("peak_equity", s.peakEquity());
        out.put("day_pnl", s.dayPnl());
        out.put("trading_state", registry.state(s.portfolioId()).wireName());
        out.put("evaluations", s.evaluations().stream().map(RiskViews.EvaluationView::of).toList());
        c.json(out);
    }

    // ---- helpers

    /**
     * The answer when a portfolio has no book: 503 (retry) while the books are syncing with the Portfolio engine,
     * 404 when its state has not arrived. Both carry the reason code.
     */
    static ProblemException noBook(String portfolioId, String reason) {
        String id = io.nautilus.core.model.Checks.shorten(portfolioId);
        if (ReasonCodes.NO_BOOK_SYNCING.equals(reason)) {
            return ProblemException.unavailable(reason + ": the risk engine is still receiving the books from the"
                    + " Portfolio engine; no portfolio is checked until they have arrived", 1);
        }
        return ProblemException.notFound(reason + ": the risk engine has no book of portfolio '" + id
                + "' (the Portfolio engine has not published its state)");
    }

    List<RiskStore.BreachRecord> openBreaches(String portfolioId) {
        return store.breaches(portfolioId, true, false, 1000);
    }

    /** The snapshot of a portfolio that has a book; else 503 while syncing, 404 without a state. */
    RiskCommands.PortfolioSnapshot knownSnapshot(String portfolioId) {
        RiskCommands.PortfolioSnapshot s = snapshot(portfolioId);
        if (!s.known()) {
            throw noBook(s.portfolioId(), engine.booksSynced() ? ReasonCodes.NO_BOOK_NO_STATE
                    : ReasonCodes.NO_BOOK_SYNCING);
        }
        return s;
    }

    RiskCommands.PortfolioSnapshot snapshot(String portfolioId) {
        return ask(state -> state.snapshot(portfolioId, engine.now()));
    }

    private void changed(String kind) {
        engine.changed(kind);
    }

    /** Asks the ring thread and waits (on this virtual thread) for the answer (after the batch's commit). */
    <R> R ask(java.util.function.Function<RiskState, R> question) {
        return Await.result(engine.onRing(question), Duration.ofMillis(settings.requestTimeoutMs()), "the risk engine");
    }

    /** Runs work on the compute pool and waits for it (insufficient history: 422 on {@code history}). */
    <T> T compute(java.util.function.Supplier<T> work) {
        return Await.result(ctx.offload(work, RiskEngine.COMPUTE_TIMEOUT),
                RiskEngine.COMPUTE_TIMEOUT.plusSeconds(1), "the risk computation");
    }
}
