package io.nautilus.core.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.HealthStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The server's part of an engine's {@code /metrics}: HTTP requests by route template (never the raw path, whose ids
 * would make one series per portfolio), method and status ({@code http_server_requests_seconds}); the JVM
 * (memory, GC, threads, class loading, process CPU, uptime); each numeric detail of the engine's {@link Health} as a
 * gauge {@code nautilus_health_<detail>} (nested details joined with {@code _}, booleans as 0/1, at most
 * {@value #MAX_HEALTH_GAUGES}), read when scraped; and a {@code # HELP} line for every metric (meters registered
 * without a description get one made from their name). Thread-safe.
 */
final class HttpMetrics implements AutoCloseable {
    static final int MAX_HEALTH_GAUGES = 256;
    private static final String UNMATCHED = "unmatched";

    private final PrometheusMeterRegistry registry;
    private final Supplier<Health> health;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, AtomicLong> healthValues = new ConcurrentHashMap<>();

    HttpMetrics(PrometheusMeterRegistry registry, Supplier<Health> health) {
        this.registry = registry;
        this.health = health;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("nautilus.health.status", this, m -> m.statusValue())
                .description("engine health: 2 healthy, 1 degraded, 0 down").register(registry);
    }

    /** Records one answered request under its route template. */
    void record(Context ctx, float millis) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        String route = e == null ? UNMATCHED : e.path;
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template, method and status")
                .tag("route", route)
                .tag("method", ctx.method().name())
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000L)));
    }

    /** The Prometheus text: health gauges refreshed, then every metric with a HELP line. */
    String scrape() {
        refreshHealth();
        return withHelp(registry.scrape());
    }

    private volatile HealthStatus lastStatus = HealthStatus.UP;

    private double statusValue() {
        return switch (lastStatus) {
            case UP -> 2;
            case DEGRADED -> 1;
            default -> 0;
        };
    }

    private void refreshHealth() {
        Health h = health.get();
        lastStatus = h.status();
        var numbers = new LinkedHashMap<String, Double>();
        flatten("", h.details(), numbers, 0);
        healthValues.forEach((k, v) -> {
            if (!numbers.containsKey(k)) {
                v.set(Double.doubleToRawLongBits(Double.NaN));
            }
        });
        numbers.forEach((key, value) -> {
            AtomicLong holder = healthValues.get(key);
            if (holder == null) {
                if (healthValues.size() >= MAX_HEALTH_GAUGES) {
                    return;
                }
                holder = healthValues.computeIfAbsent(key, k -> {
                    var a = new AtomicLong();
                    Gauge.builder("nautilus.health." + k, a, x -> Double.longBitsToDouble(x.get()))
                            .description("the engine's /health detail '" + k.replace('_', '.') + "'")
                            .register(registry);
                    return a;
                });
            }
            holder.set(Double.doubleToRawLongBits(value));
        });
    }

    private static void flatten(String prefix, Map<?, ?> details, Map<String, Double> out, int depth) {
        for (var e : details.entrySet()) {
            String key = prefix + sanitize(String.valueOf(e.getKey()));
            Object v = e.getValue();
            if (v instanceof Number n) {
                out.put(key, n.doubleValue());
            } else if (v instanceof Boolean b) {
                out.put(key, b ? 1.0 : 0.0);
            } else if (v instanceof Map<?, ?> m && depth < 2) {
                flatten(key + "_", m, out, depth + 1);
            }
        }
    }

    private static String sanitize(String key) {
        var b = new StringBuilder(Math.min(key.length(), 64));
        for (int i = 0; i < key.length() && b.length() < 64; i++) {
            char c = Character.toLowerCase(key.charAt(i));
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return b.toString();
    }

    /** Adds {@code # HELP} before each {@code # TYPE} that has none (a meter registered without a description). */
    static String withHelp(String text) {
        var out = new StringBuilder(text.length() + 1024);
        String previous = "";
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# TYPE ")) {
                String name = line.substring(7, line.indexOf(' ', 7) < 0 ? line.length() : line.indexOf(' ', 7));
                if (!previous.startsWith("# HELP " + name + " ") || previous.length() <= ("# HELP " + name + " ").length()) {
                    if (previous.startsWith("# HELP " + name)) {
                        out.setLength(out.length() - previous.length() - 1);
                    }
                    out.append("# HELP ").append(name).append(' ').append(helpFor(name)).append('\n');
                }
            }
            out.append(line).append('\n');
            previous = line;
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String helpFor(String name) {
        return "Nautilus metric " + name.replace('_', ' ').toLowerCase(Locale.ROOT).trim();
    }

    @Override
    public void close() {
        gc.close();
    }
}
