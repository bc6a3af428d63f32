package io.nautilus.bus.redis;

import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.time.Clock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a process's {@link LocalBus} to Redis Streams: everything published here is exported (see
 * {@link RedisExporter}), and each engine given to {@link #importFor(String)} receives, through its own consumer
 * group, the messages of other processes that match its subscriptions (see {@link StreamImporter}). Requests
 * and replies cross processes through this process's reply stream.
 *
 * <p>Which streams an engine imports: for each of its subscription patterns, the stream of the pattern's first
 * token ({@code md.bar.*.AAPL} reads {@code <prefix>:md}); a pattern starting with a wildcard reads every stream
 * under the prefix (found by SCAN, re-checked every reclaim interval, as are new subscriptions). Entries that match
 * no subscription of the engine are acknowledged at once. Its own inbox ({@code _inbox.<engine>.>}) is served by
 * the reply stream.
 *
 * <p>Delivery: at-least-once on the wire, de-duplicated by (origin, id) per engine, acknowledged after the handler:
 * a handler sees a message once while its process lives; if a consumer process dies, the entries it had read but
 * not acknowledged (at most {@code 16 x batchSize}) are handled again by a replica after {@code claimMinIdle}.
 *
 * <pre>{@code
 * var bridge = RedisBridge.start(bus, RedisBridgeConfig.of("redis://:secret@redis:6379"), Clock.system());
 * ...start the engines (they subscribe)...
 * bridge.importFor("features");
 * }</pre>
 *
 * Thread-safe.
 */
public final class RedisBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBridge.class);

    private final LocalBus bus;
    private final RedisBridgeConfig config;
    private final Clock clock;
    private final RedisLink link;
    private final StreamKeys keys;
    private final RedisExporter exporter;
    private final StreamImporter replies;
    private final List<StreamImporter> importers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private RedisBridge(LocalBus bus, RedisBridgeConfig config, Clock clock) {
        this.bus = bus;
        this.config = config;
        this.clock = clock;
        this.link = new RedisLink(config);
        this.keys = new StreamKeys(config.prefix());
        this.exporter = new RedisExporter(config, link, bus.nodeId());
        this.replies = new StreamImporter(config, link, bus, bus.nodeId(), bus.nodeId(), null,
                () -> Set.of(keys.replies(bus.nodeId())), clock);
    }

    /** The export half (tests). */
    RedisExporter exporter() {
        return exporter;
    }

    /**
     * Starts exporting everything published on {@code bus} and reading this process's replies. Never fails because
     * Redis is unreachable: the bridge keeps trying (see {@link #connected()}).
     */
    public static RedisBridge start(LocalBus bus, RedisBridgeConfig config, Clock clock) {
        var b = new RedisBridge(bus, config, clock);
        b.exporter.start();
        b.replies.start();
        bus.exporter(b.exporter);
        LOG.info("event=redis_bridge_started uri={} prefix={} node={}", config.redactedUri(), config.prefix(), bus.nodeId());
        return b;
    }

    /** Starts importing for an engine running on the bus (call after it subscribed); its group is its name. */
    public synchronized void importFor(String engine) {
        if (closed) {
            throw new IllegalStateException("bridge is closed");
        }
        if (importers.stream().anyMatch(i -> i.group().equals(engine))) {
            return;
        }
        var imp = new StreamImporter(config, link, bus, bus.nodeId(), engine, engine, () -> streamsOf(engine), clock);
        importers.add(imp);
        imp.start();
    }

    /** The streams an engine's subscriptions read ({@code "*"} stands for every stream under the prefix). */
    Set<String> streamsOf(String engine) {
        Set<String> s = new LinkedHashSet<>();
        for (String p : bus.patterns(engine)) {
            int dot = p.indexOf('.');
            String first = dot < 0 ? p : p.substring(0, dot);
            if (StreamKeys.INBOX.startsWith(first + ".")) {
                continue; // replies come through the reply stream
            }
            if (io.nautilus.bus.local.LocalBus.LOCAL_PREFIX.equals(first + ".")) {
                continue; // an engine's private topics never cross Redis
            }
            s.add(first.equals("*") || first.equals(">") ? "*" : keys.streamOfToken(first));
        }
        return s;
    }

    /** True when every link to Redis (export, replies, each import group) is up. */
    public boolean connected() {
        return problems().isEmpty();
    }

    /** Why the bridge is degraded: links down, messages dropped; empty when healthy. */
    public List<String> problems() {
        var out = new ArrayList<String>();
        addReason(out, exporter.state.reason());
        addReason(out, replies.state.reason());
        for (StreamImporter i : importers) {
            addReason(out, i.state.reason());
        }
        if (!out.isEmpty()) {
            out.add("outbox holds " + exporter.outbox().depth() + " messages (capacity " + config.outboxCapacity()
                    + (config.spillDir() == null ? ", no spill file" : ", then spill file") + ")");
        }
        if (exporter.outbox().dropped() > 0) {
            out.add(exporter.outbox().dropped() + " messages dropped: outbox full and no spill directory");
        }
        return out;
    }

    private static void addReason(List<String> out, String reason) {
        if (reason != null) {
            out.add(reason);
        }
    }

    /** Counters for tests, health and benchmarks. */
    public Stats stats() {
        long imported = 0;
        long duplicates = 0;
        long deadLetters = 0;
        long reclaimed = 0;
        long pending = 0;
        long retries = exporter.retries.sum() + replies.retries.sum();
        for (StreamImporter i : importers) {
            imported += i.imported.sum();
            duplicates += i.duplicates.sum();
            deadLetters += i.deadLetters.sum();
            reclaimed += i.reclaimed.sum();
            pending += i.pending;
            retries += i.retries.sum();
        }
        return new Stats(exporter.exported.sum(), exporter.outbox().depth(), exporter.outbox().spilled(),
                exporter.outbox().dropped(), exporter.unencodable.sum() + exporter.rejected.sum(), retries, imported,
                replies.imported.sum(), duplicates, deadLetters, reclaimed, pending);
    }

    /**
     * Bridge counters. Immutable.
     *
     * @param exported     entries appended to Redis
     * @param outboxDepth  messages waiting to be appended (memory and spill file)
     * @param spilled      messages that went through the spill file
     * @param dropped      messages dropped with a full outbox and no spill directory
     * @param unexportable messages whose payload type is not registered, or that Redis refused
     * @param retries      reconnect attempts of all links
     * @param imported     entries handed to local engines
     * @param replies      replies received from other processes
     * @param duplicates   entries dropped as already handled
     * @param deadLetters  entries moved to the dead-letter stream
     * @param reclaimed    entries taken over from idle consumers
     * @param pending      entries read but not yet acknowledged, over all groups (sampled every reclaim interval)
     */
    public record Stats(long exported, long outboxDepth, long spilled, long dropped, long unexportable, long retries,
                        long imported, long replies, long duplicates, long deadLetters, long reclaimed, long pending) {
    }

    /** Registers the bridge meters ({@code nautilus.redis.*}) on a registry. */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder("nautilus.redis.connected", this, b -> b.connected() ? 1 : 0).register(registry);
        Gauge.builder("nautilus.redis.outbox.depth", this, b -> b.exporter.outbox().depth()).register(registry);
        Gauge.builder("nautilus.redis.pending", this, b -> b.stats().pending()).register(registry);
        Gauge.builder("nautilus.redis.import.lag", this, RedisBridge::lagSeconds).baseUnit("seconds").register(registry);
        counter(registry, "nautilus.redis.exported", s -> s.exported());
        counter(registry, "nautilus.redis.outbox.spilled", s -> s.spilled());
        counter(registry, "nautilus.redis.outbox.dropped", s -> s.dropped());
        counter(registry, "nautilus.redis.unexportable", s -> s.unexportable());
        counter(registry, "nautilus.redis.retries", s -> s.retries());
        counter(registry, "nautilus.redis.imported", s -> s.imported());
        counter(registry, "nautilus.redis.duplicates", s -> s.duplicates());
        counter(registry, "nautilus.redis.dead_letters", s -> s.deadLetters());
        counter(registry, "nautilus.redis.reclaimed", s -> s.reclaimed());
    }

    private void counter(MeterRegistry registry, String name, ToDoubleFunction<Stats> f) {
        FunctionCounter.builder(name, this, b -> f.applyAsDouble(b.stats())).register(registry);
    }

    private double lagSeconds() {
        long max = 0;
        for (StreamImporter i : importers) {
            max = Math.max(max, i.lagNanos);
        }
        return max / 1e9;
    }

    /** The configuration. */
    public RedisBridgeConfig config() {
        return config;
    }

    /** Stops reading new entries (before the engines stop); handled entries are still acknowledged. */
    public void stopImport() {
        importers.forEach(StreamImporter::stopReading);
    }

    /**
     * Stops: acknowledges what was handled, flushes the outbox (up to 5 s while Redis is reachable), deletes this
     * process's reply stream, closes the connections. Call after the engines stopped. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        bus.exporter(null);
        importers.forEach(i -> i.close(2_000));
        exporter.close(5_000);
        replies.close(500);
        try (var c = link.connect()) {
            c.sync().del(keys.replies(bus.nodeId()));
        } catch (RedisException ex) {
            LOG.debug("reply stream not deleted: {}", ex.toString());
        }
        link.close();
    }
}
