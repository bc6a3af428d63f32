package io.nautilus.launcher;

import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.LocalBusConfig;
import io.nautilus.bus.redis.RedisBridge;
import io.nautilus.bus.redis.RedisBridgeConfig;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.time.Clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Nautilus embedded: runs the selected engines in this JVM on one in-process bus.
 *
 * <pre>{@code
 * try (Nautilus n = Nautilus.builder().engines(EngineId.MARKETDATA, EngineId.FEATURES).http(false).start()) {
 *     n.bus().subscribe("feature.>", FeatureVector.class, (fv, m) -> System.out.println(fv));
 *     ...
 * }
 * }</pre>
 *
 * With {@link Builder#redis(String)} the bus is bridged to Redis Streams: everything published is exported and
 * each engine imports, through its consumer group, what its subscriptions match (docs/distributed.md).
 *
 * Thread-safe. {@link #close()} stops intake, drains every ring and closes servers and stores.
 */
public final class Nautilus implements AutoCloseable {
    /** Bus name of code that embeds Nautilus (what {@link #bus()} publishes as). */
    public static final String CLIENT = "client";

    private final LocalBus bus;
    private final Map<EngineId, EngineHost> hosts;
    private final RedisBridge bridge;
    private volatile boolean closed;

    private Nautilus(LocalBus bus, Map<EngineId, EngineHost> hosts, RedisBridge bridge) {
        this.bus = bus;
        this.hosts = hosts;
        this.bridge = bridge;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bus as the embedding program sees it (publishes as {@value #CLIENT}). */
    public MessageBus bus() {
        return bus.forEngine(CLIENT);
    }

    /** The in-process bus itself (stats, bridge seam). */
    public LocalBus localBus() {
        return bus;
    }

    /** The Redis Streams bridge, or null without {@link Builder#redis(String)}. */
    public RedisBridge redisBridge() {
        return bridge;
    }

    /** Running engines in start order. */
    public Set<EngineId> engines() {
        return Collections.unmodifiableSet(hosts.keySet());
    }

    /** The host of a running engine. */
    public EngineHost host(EngineId id) {
        EngineHost h = hosts.get(id);
        if (h == null) {
            throw new IllegalArgumentException("engine " + id.cliName() + " is not running; running: " + hosts.keySet());
        }
        return h;
    }

    /** HTTP port of a running engine, or -1 without HTTP. */
    public int port(EngineId id) {
        return host(id).port();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        if (bridge != null) {
            bridge.stopImport(); // entries not yet handled stay pending in Redis for a replica or the next start
        }
        var reversed = new ArrayList<>(hosts.values());
        Collections.reverse(reversed);
        for (EngineHost h : reversed) {
            h.close();
        }
        if (bridge != null) {
            bridge.close(); // acknowledges what the engines handled, flushes the outbox
        }
        bus.close();
        org.slf4j.LoggerFactory.getLogger(Nautilus.class).info("event=stopped engines={} drain_ms={}",
                hosts.keySet().stream().map(EngineId::cliName).toList(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Configures and starts Nautilus. Not thread-safe. */
    public static final class Builder {
        private final Set<EngineId> ids = EnumSet.noneOf(EngineId.class);
        private final List<Engine> custom = new ArrayList<>();
        private boolean http = true;
        private String bind = "127.0.0.1";
        private int portOffset;
        private boolean ephemeralPorts;
        private String apiToken;
        private String dbUrl;
        private String dataDir = "./data";
        private EngineConfig config = EngineConfig.empty();
        private Clock clock = Clock.system();
        private LocalBusConfig busConfig = LocalBusConfig.DEFAULT;
        private Supplier<Map<EngineId, ? extends Supplier<Engine>>> registry;
        private String redisUri;

        private Builder() {
        }

        /** Engines of this build to run (default: all registered). */
        public Builder engines(EngineId... engines) {
            ids.addAll(Arrays.asList(engines));
            return this;
        }

        /** Engines of this build to run. */
        public Builder engines(Set<EngineId> engines) {
            ids.addAll(engines);
            return this;
        }

        /** An engine instance to run besides (or instead of) the registered ones. */
        public Builder engine(Engine engine) {
            custom.add(engine);
            return this;
        }

        /** Serve HTTP (default true). */
        public Builder http(boolean on) {
            this.http = on;
            return this;
        }

        public Builder bind(String host) {
            this.bind = host;
            return this;
        }

        /** Added to every default port (8100..8900). */
        public Builder portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        /** Bind every engine to a free ephemeral port (tests). */
        public Builder ephemeralPorts(boolean on) {
            this.ephemeralPorts = on;
            return this;
        }

        public Builder apiToken(String token) {
            this.apiToken = token;
            return this;
        }

        /** JDBC URL shared by all engines (PostgreSQL); default: one SQLite file per engine in the data dir. */
        public Builder dbUrl(String url) {
            this.dbUrl = url;
            return this;
        }

        public Builder dataDir(String dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder config(EngineConfig cfg) {
            this.config = cfg;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder busConfig(LocalBusConfig cfg) {
            this.busConfig = cfg;
            return this;
        }

        /**
         * Bridges the bus to Redis Streams at {@code uri} ({@code redis://[user:password@]host:port},
         * {@code rediss://} for TLS); bridge settings come from the {@code redis.*} keys of {@link #config}.
         */
        public Builder redis(String uri) {
            this.redisUri = uri;
            return this;
        }

        /**
         * The bridge's settings: the engine settings' {@code redis.*} keys, and the outbox spill file under the data
         * directory unless {@code redis.spill-dir} says otherwise. Without a spill directory, messages published
         * during a Redis outage beyond the memory outbox (100,000 by default) would be dropped, fills included.
         */
        static RedisBridgeConfig redisConfig(String uri, EngineConfig config, String dataDir) {
            EngineConfig c = config.string("redis.spill-dir", null) != null ? config
                    : config.with("redis.spill-dir", java.nio.file.Path.of(dataDir, "redis-outbox").toString());
            return RedisBridgeConfig.from(uri, c);
        }

        /** Starts the engines (in parallel) and returns once each answers. */
        public Nautilus start() {
            var available = new LinkedHashMap<EngineId, Supplier<Engine>>();
            NautilusComponent.create().engines().forEach((id, p) -> available.put(id, p::get));
            var selected = new ArrayList<Engine>();
            Set<EngineId> wanted = ids.isEmpty() && custom.isEmpty() ? available.keySet() : ids;
            for (EngineId id : EngineId.values()) {
                if (!wanted.contains(id)) {
                    continue;
                }
                Supplier<Engine> p = available.get(id);
                if (p == null) {
                    throw new IllegalArgumentException("engine " + id.cliName() + " is not in this build; available: "
                            + available.keySet().stream().map(EngineId::cliName).toList());
                }
                selected.add(p.get());
            }
            selected.addAll(custom);
            RedisBridgeConfig redisConfig = redisUri == null ? null : redisConfig(redisUri, config, dataDir);
            var bus = new LocalBus(busConfig, clock);
            RedisBridge bridge = redisConfig == null ? null : RedisBridge.start(bus, redisConfig, clock);
            BooleanSupplier busConnected = bridge == null ? () -> true : bridge::connected;
            var hosts = new LinkedHashMap<EngineId, EngineHost>();
            var n = new Nautilus(bus, hosts, bridge);
            try {
                for (Engine e : selected) {
                    HostSettings hs = HostSettings.defaults().withDataDir(dataDir).withDbUrl(dbUrl).withConfig(config);
                    if (http) {
                        int port = ephemeralPorts ? 0 : e.id().defaultPort() + portOffset;
                        hs = hs.withHttp(new HttpSettings(bind, port, HttpSettings.DEFAULT_MAX_REQUEST_BYTES, apiToken,
                                HttpSettings.DEFAULT_MAX_CONCURRENT_REQUESTS,
                                HttpSettings.list(config.string("http.allowed_hosts", "")),
                                HttpSettings.list(config.string("http.allowed_origins", ""))));
                    }
                    if (hosts.containsKey(e.id())) {
                        throw new IllegalArgumentException("engine " + e.id().cliName() + " given twice");
                    }
                    hosts.put(e.id(), new EngineHost(e, hs, bus, clock, busConnected));
                }
            } catch (RuntimeException ex) { // nothing of a half-built platform keeps running (embedded use)
                n.close();
                throw ex;
            }
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                // Engines open in parallel; only once every one has subscribed are they told they are ready, which is
                // when feeds start producing (a subscription only sees what is published after it exists).
                var started = new ArrayList<Future<EngineHost>>();
                for (EngineHost h : hosts.values()) {
                    started.add(pool.submit(h::open));
                }
                for (Future<EngineHost> f : started) {
                    f.get();
                }
                for (EngineHost h : hosts.values()) {
                    h.ready();
                }
                if (bridge != null) {
                    for (EngineHost h : hosts.values()) { // after start: the engines have subscribed
                        bridge.bindMetrics(h.registry());
                        bridge.importFor(h.id().cliName());
                    }
                }
            } catch (ExecutionException ex) {
                n.close();
                Throwable cause = ex.getCause();
                throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
            } catch (RuntimeException ex) { // ready() or the bridge failed: stop what did start
                n.close();
                throw ex;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                n.close();
                throw new IllegalStateException("interrupted while starting", ex);
            }
            warnUnread(config, hosts.keySet(), redisUri != null);
            return n;
        }

        /**
         * Logs each setting of a running engine's namespace (or {@code redis.*} with a bridge) that nothing read
         * while the engines started: most likely a typo, silently without effect otherwise. Names the closest key
         * that was read. Returns the warnings (for tests).
         */
        static List<String> warnUnread(EngineConfig config, Set<EngineId> running, boolean redis) {
            var namespaces = new java.util.HashSet<String>();
            running.forEach(id -> namespaces.add(id.cliName()));
            if (redis) {
                namespaces.add("redis");
            }
            var known = config.readKeys();
            var warnings = new ArrayList<String>();
            for (String key : config.unread()) {
                int dot = key.indexOf('.');
                if (dot < 0 || !namespaces.contains(key.substring(0, dot))) {
                    continue;
                }
                String closest = null;
                int best = Integer.MAX_VALUE;
                for (String k : known) {
                    int d = editDistance(key, k);
                    if (d < best) {
                        best = d;
                        closest = k;
                    }
                }
                String w = "setting '" + key + "' is not used by any running engine"
                        + (closest != null && best <= Math.max(2, key.length() / 4) ? "; did you mean '" + closest + "'?" : "");
                warnings.add(w);
                org.slf4j.LoggerFactory.getLogger(Nautilus.class).warn("event=unknown_setting {}", w);
            }
            return warnings;
        }

        /** Levenshtein distance (keys are short). */
        static int editDistance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                    cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
