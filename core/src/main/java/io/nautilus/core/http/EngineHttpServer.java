package io.nautilus.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.HealthStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one engine, with the chrome every engine shares: JSON ({@link Json}), RFC 9457 problem
 * responses for every error (Jetty's own refusals included, {@link JettyProblems}), plain-language details with
 * bounded echoes, a body size limit, the {@code Host}/{@code Origin}/{@code Content-Type} checks of
 * {@link HttpGuard}, bearer-token auth on mutating requests (and on routes with the role
 * {@link Access#STATE_CHANGING}), path parameters checked by name ({@link PathParams}), a concurrency bulkhead
 * (503 + Retry-After when saturated), {@code GET /health} and {@code GET /metrics} ({@link HttpMetrics}). Requests
 * run on virtual threads. Thread-safe.
 */
public final class EngineHttpServer implements AutoCloseable {
    /**
     * Route roles the server enforces. {@link #STATE_CHANGING} marks a route that changes state although its method
     * is not POST/PUT/PATCH/DELETE (a GET kept for older clients, e.g. {@code GET /risk/monitor/start}): like a
     * mutating request it needs the bearer token when one is configured. Give it when registering:
     * {@code r.get(path, handler, Access.STATE_CHANGING)}.
     */
    public enum Access implements RouteRole { STATE_CHANGING }

    private static final Logger LOG = LoggerFactory.getLogger(EngineHttpServer.class);
    private static final Set<String> UNGUARDED_PATHS = Set.of("/health", "/metrics");

    private final String engineName;
    private final Javalin app;
    private final Bulkhead bulkhead;
    private final HttpMetrics httpMetrics;
    private final long startedAtNanos = System.nanoTime();

    /**
     * Builds and starts the server.
     *
     * @param engineName  engine name, for logs and /health
     * @param settings    bind address, port, limits, token
     * @param health      current health (called per /health request)
     * @param busConnected whether the engine's bus link is up (seed field {@code messagebus_connected})
     * @param metrics     the engine's registry, served on /metrics
     * @param routes      the engine's routes
     */
    public EngineHttpServer(String engineName, HttpSettings settings, Supplier<Health> health,
                            Supplier<Boolean> busConnected, PrometheusMeterRegistry metrics,
                            Consumer<RoutesConfig> routes) {
        this.engineName = engineName;
        this.bulkhead = Bulkhead.of("http-" + engineName, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentRequests())
                .maxWaitDuration(Duration.ZERO)
                .build());
        byte[] token = settings.apiToken() == null ? null : settings.apiToken().getBytes(StandardCharsets.UTF_8);
        var guard = new HttpGuard(settings);
        this.httpMetrics = new HttpMetrics(metrics, health);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = settings.maxRequestBytes();
            cfg.http.defaultContentType = "application/json";
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
            cfg.router.ignoreTrailingSlashes = true;
            var jettyProblems = new JettyProblems();
            cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyProblems));
            cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(jettyProblems));
            cfg.requestLogger.http(httpMetrics::record);
            cfg.router.handlerWrapper(endpoint -> {
                // only real endpoints count against the bulkhead: before/after hooks run for every request,
                // and /health and /metrics must answer even when the engine is saturated
                if (!endpoint.method.isHttpMethod() || UNGUARDED_PATHS.contains(endpoint.path)) {
                    return endpoint.handler;
                }
                return ctx -> {
                    if (!bulkhead.tryAcquirePermission()) {
                        throw ProblemException.unavailable(engineName + " is at its limit of "
                                + settings.maxConcurrentRequests() + " concurrent requests; retry shortly", 1);
                    }
                    try {
                        endpoint.handler.handle(ctx);
                    } finally {
                        bulkhead.onComplete();
                    }
                };
            });
            RoutesConfig r = cfg.routes;
            r.before(ctx -> {
                if (!UNGUARDED_PATHS.contains(ctx.path())) {
                    guard.checkHost(ctx);
                }
                boolean mutating = HttpGuard.mutating(ctx.method().name());
                if (mutating) {
                    guard.checkOrigin(ctx);
                }
                if (token != null && mutating && !authorized(ctx, token)) {
                    throw unauthorized(ctx);
                }
                if (mutating) {
                    guard.checkContentType(ctx);
                }
            });
            // roles and path parameters are known once the route is matched
            r.beforeMatched(ctx -> {
                if (ctx.routeRoles().contains(Access.STATE_CHANGING)) {
                    guard.checkOrigin(ctx);
                    if (token != null && !authorized(ctx, token)) {
                        throw unauthorized(ctx);
                    }
                }
                PathParams.check(ctx.pathParamMap());
            });
            r.exception(ProblemException.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                problem(ctx, new Problem(null, e.title(), e.status(), e.getMessage(), ctx.path(), e.errors(), null));
            });
            r.exception(IllegalArgumentException.class, (e, ctx) -> {
                String message = e instanceof NumberFormatException ? "a value in the path or query is not a number"
                        : e.getMessage() == null ? "the request is not valid" : e.getMessage();
                String field = FieldError.namedIn(message);
                problem(ctx, new Problem(null, "Bad Request", 400, message, ctx.path(),
                        field == null ? List.of() : List.of(new FieldError(field, message)), null));
            });
            r.exception(java.time.format.DateTimeParseException.class, (e, ctx) -> problem(ctx, new Problem(null,
                    "Bad Request", 400, "'" + io.nautilus.core.model.Checks.shorten(e.getParsedString())
                    + "' is not an ISO-8601 date or time (2024-01-31 or 2024-01-31T15:30:00Z)", ctx.path(), List.of(), null)));
            r.exception(JsonProcessingException.class, (e, ctx) -> {
                ProblemException p = JsonErrors.problem(e);
                problem(ctx, new Problem(null, p.title(), p.status(), p.getMessage(), ctx.path(), p.errors(), null));
            });
            r.exception(BulkheadFullException.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                problem(ctx, new Problem(null, "Service Unavailable", 503, engineName + " compute pool is full; retry shortly",
                        ctx.path(), List.of(), null));
            });
            r.exception(CallNotPermittedException.class, (e, ctx) -> {
                ctx.header("Retry-After", "5");
                problem(ctx, new Problem(null, "Service Unavailable", 503, e.getMessage(), ctx.path(), List.of(), null));
            });
            r.exception(TimeoutException.class, (e, ctx) -> problem(ctx, new Problem(null, "Gateway Timeout", 504,
                    "a dependency did not answer in time: " + e.getMessage(), ctx.path(), List.of(), null)));
            r.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, new Problem(null,
                    io.javalin.http.HttpStatus.forStatus(e.getStatus()).getMessage(), e.getStatus(), e.getMessage(),
                    ctx.path(), List.of(), null)));
            r.exception(Exception.class, (e, ctx) -> {
                String id = UUID.randomUUID().toString();
                LOG.error("engine={} error_id={} path={} unhandled error", engineName, id, ctx.path(), e);
                problem(ctx, new Problem(null, "Internal Server Error", 500,
                        "unexpected error; quote error_id " + id + " when reporting it", ctx.path(), List.of(), id));
            });
            r.error(404, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, new Problem(null, "Not Found", 404, "no route " + ctx.method() + " " + ctx.path(),
                            ctx.path(), List.of(), null));
                }
            });
            r.error(405, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, new Problem(null, "Method Not Allowed", 405, "method " + ctx.method()
                            + " is not allowed on " + ctx.path(), ctx.path(), List.of(), null));
                }
            });
            r.get("/health", ctx -> {
                Health h = health.get();
                var body = new LinkedHashMap<String, Object>();
                body.put("status", h.status().seedName());
                body.put("engine", engineName);
                body.put("health", h.status().name());
                body.put("uptime_seconds", (System.nanoTime() - startedAtNanos) / 1e9);
                body.put("messagebus_connected", busConnected.get());
                body.put("reasons", h.reasons());
                body.putAll(h.details());
                ctx.status(h.status() == HealthStatus.DOWN ? 503 : 200).json(body);
            });
            r.get("/metrics", ctx -> {
                String accept = ctx.header("Accept");
                if (accept != null && accept.contains("application/json")) {
                    ctx.json(Map.of("engine", engineName, "meters", MetricsJson.render(metrics)));
                } else {
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(httpMetrics.scrape());
                }
            });
            routes.accept(r);
        });
        app.start(settings.host(), settings.port());
        readinessProbe(settings.host());
    }

    /**
     * Asks the server's own /health once before the engine counts as started: the first request through Jetty,
     * Javalin and Jackson loads and links their classes (~0.5 s on 2 cores), which should happen during start-up,
     * not in a client's first call. A failure here only logs: the server is up either way.
     */
    private void readinessProbe(String host) {
        String target = host.equals("0.0.0.0") ? "127.0.0.1" : host.equals("::") ? "::1" : host;
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(target, app.port()), 2_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: " + target + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            LOG.warn("engine={} readiness probe of /health failed: {}", engineName, e.toString());
        }
    }

    /** A registered route: its method and path template, e.g. {@code POST /risk/limits/{limit_id}/enable}. */
    public record Route(String method, String path) {
    }

    /** Every route the engine registered, {@code /health} and {@code /metrics} included, in registration order. */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> new Route(e.endpoint.method.name(), e.endpoint.path))
                .toList();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Requests currently inside the bulkhead. */
    public int inFlight() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    @Override
    public void close() {
        app.stop();
        httpMetrics.close();
    }

    private static boolean authorized(Context ctx, byte[] token) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = h.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    private static ProblemException unauthorized(Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer");
        return new ProblemException(401, "Unauthorized",
                "this request needs the header 'Authorization: Bearer <token>' with the configured API token",
                List.of(new FieldError("Authorization", "missing or wrong bearer token")), Map.of());
    }

    private static boolean isProblem(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith(Problem.MEDIA_TYPE);
    }

    static void problem(Context ctx, Problem p) {
        p = Problems.bounded(p);
        ctx.status(p.status());
        try {
            ctx.contentType(Problem.MEDIA_TYPE).result(Json.mapper().writeValueAsString(p));
        } catch (JsonProcessingException e) {
            ctx.contentType(Problem.MEDIA_TYPE).result("{\"title\":\"Internal Server Error\",\"status\":500}");
        }
    }
}
