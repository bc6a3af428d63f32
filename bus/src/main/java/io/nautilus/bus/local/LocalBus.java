package io.nautilus.bus.local;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nautilus.bus.BusExporter;
import io.nautilus.bus.Envelope;
import io.nautilus.core.bus.DeadLetter;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.Handler;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Topics;
import io.nautilus.core.time.Clock;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in-process bus: one {@link EngineRing} (two Disruptor lanes and one consumer thread) per engine, a topic
 * trie for NATS-style patterns with the match result cached per concrete topic, and fan-out of each published
 * message to every matching subscription. Engines see it through {@link #forEngine(String)}.
 *
 * <p>The seam for the Redis Streams bridge: {@link #exporter(BusExporter)} sees every message published here, and
 * {@link #inject(Envelope)} delivers a message that arrived from outside without exporting it again;
 * {@link #inject(Envelope, String, Completion)} delivers it to one engine and reports when its handlers have run.
 *
 * <p>Thread-safe. Publishing is lock-free; subscribing takes a lock and invalidates the route cache.
 */
public final class LocalBus implements AutoCloseable {
    /** Topics of request replies; never cached (each is used once). */
    static final String INBOX_PREFIX = "_inbox.";
    /**
     * Topics an engine uses to talk to its own ring thread (timers, HTTP commands), with engine-private payloads:
     * {@code _local.<engine>.<what>}. Never exported to the Redis bridge.
     */
    public static final String LOCAL_PREFIX = "_local.";
    private static final int MAX_CACHED_ROUTES = 100_000;

    private final LocalBusConfig config;
    private final Clock clock;
    private final String nodeId;
    private final Object lock = new Object();
    private final TopicTrie trie = new TopicTrie();
    private final ConcurrentHashMap<String, Sub<?>[]> routes = new ConcurrentHashMap<>();
    /**
     * Subscriptions per inbox prefix {@code _inbox.<engine>.}: every reply topic {@code _inbox.<engine>.<n>} is used
     * once, so replies are not in {@link #routes}, but they all reach the same subscriptions unless some pattern
     * names a correlation literally (see {@link #literalInboxPatterns}). Saves the responding ring thread the lock
     * and the topic-tree walk per reply.
     */
    private final ConcurrentHashMap<String, Sub<?>[]> inboxRoutes = new ConcurrentHashMap<>();
    /** Set for good once a pattern could match one reply topic and not another (a literal third token). */
    private volatile boolean literalInboxPatterns;
    private final ConcurrentHashMap<String, EngineRing> rings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, EngineBus> views = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> publishedBy = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EngineRing, List<Sub<?>>> subsByRing = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** Bumped (under {@link #lock}) by every subscribe and unsubscribe: a {@link Route} of another version is stale. */
    private volatile int version;
    private final LongAdder unrouted = new LongAdder();
    private volatile BusExporter exporter;
    private volatile boolean closed;

    public LocalBus(LocalBusConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.nodeId = UUID.randomUUID().toString().substring(0, 8);
    }

    /** A bus with default settings on the system clock. */
    public static LocalBus create() {
        return new LocalBus(LocalBusConfig.DEFAULT, Clock.system());
    }

    /** The bus as {@code engine} sees it; its handlers run on that engine's ring thread. */
    public MessageBus forEngine(String engine) {
        return views.computeIfAbsent(engine, e -> new EngineBus(this, e));
    }

    /** This process's id, part of every exported envelope's identity. */
    public String nodeId() {
        return nodeId;
    }

    /** Installs (or with null removes) the exporter that sees every locally published message. */
    public void exporter(BusExporter exporter) {
        this.exporter = exporter;
    }

    EngineRing ring(String engine) {
        return rings.computeIfAbsent(engine, e -> new EngineRing(e, config.ringSize(), config.urgentRingSize(),
                config.waitMode(), this::deadLetter));
    }

    Clock clock() {
        return clock;
    }

    <T> Sub<T> subscribe(String engine, String pattern, Class<T> type, Handler<T> handler, Delivery delivery) {
        return subscribe(engine, pattern, type, handler, delivery, false);
    }

    /** A subscription; with {@code othersOnly}, what {@code engine} publishes itself is routed past it. */
    <T> Sub<T> subscribe(String engine, String pattern, Class<T> type, Handler<T> handler, Delivery delivery,
                         boolean othersOnly) {
        Topics.checkPattern(pattern);
        if (closed) {
            throw new IllegalStateException("bus is closed");
        }
        EngineRing ring = ring(engine);
        var holder = new Sub<?>[1];
        Sub<T> sub = new Sub<>(ring, pattern, type, handler, delivery, config.dropOldestCapacity(), othersOnly,
                () -> unsubscribe(holder[0]));
        holder[0] = sub;
        synchronized (lock) {
            trie.add(sub);
            if (namesReplyLiterally(pattern)) {
                literalInboxPatterns = true;
            }
            routes.clear();
            inboxRoutes.clear();
            version++;
        }
        subsByRing.computeIfAbsent(ring, r -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(sub);
        return sub;
    }

    private void unsubscribe(Sub<?> sub) {
        synchronized (lock) {
            trie.remove(sub);
            routes.clear();
            inboxRoutes.clear();
            version++;
        }
        subsByRing.getOrDefault(sub.ring, List.of()).remove(sub);
    }

    /**
     * Publishes from {@code source} through a route resolved for this one message (dead letters, requests, replies).
     * Returns the number of subscriptions the message was queued for.
     */
    int publish(String source, String topic, Object payload, Priority priority, String replyTo) {
        return publish(route(source, topic, replyTo), counter(source), payload, priority);
    }

    LongAdder counter(String source) {
        return publishedBy.computeIfAbsent(source, s -> new LongAdder());
    }

    /** The version of the subscriptions; a {@link Route} of another version must be resolved again. */
    int version() {
        return version;
    }

    /** Resolves what {@code source} publishing on {@code topic} reaches now. Checks the topic. */
    Route route(String source, String topic, String replyTo) {
        // version first: an entry of the route cache read after it reflects that version or a later one
        int v = version;
        Sub<?>[] subs = cached(topic);
        if (subs == null) {
            Topics.checkTopic(topic);
            synchronized (lock) {
                subs = resolve(topic);
                v = version;
            }
        }
        return new Route(v, topic, source, replyTo, subs);
    }

    /** Publishes one message along a resolved route. Returns the number of subscriptions it was queued for. */
    int publish(Route route, LongAdder published, Object payload, Priority priority) {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null (topic " + route.topic + ")");
        }
        // the read-modify-writes before the slot stores, so that their fences find little to drain
        long id = ids.incrementAndGet();
        published.increment();
        long ts = clock.nowNanos();
        int n = 0;
        for (Target t : route.targets) {
            if (t.sub.type.isInstance(payload) && deliver(t, payload, priority, ts, id)) {
                n++;
            }
        }
        if (n == 0) {
            unrouted.increment();
        }
        BusExporter ex = exporter;
        if (ex != null && route.exported) {
            ex.export(new Envelope(id, nodeId, route.topic, priority, route.source, ts, payload, route.replyTo));
        }
        return n;
    }

    /**
     * Publishes {@code payloads[from, to)} along a resolved route, each as its own message with consecutive ids and
     * one timestamp. Returns the number of deliveries queued (messages times subscriptions they were queued for).
     */
    int publishBatch(Route route, LongAdder published, Object[] payloads, int from, int to, Priority priority) {
        java.util.Objects.checkFromToIndex(from, to, payloads.length);
        for (int i = from; i < to; i++) {
            if (payloads[i] == null) {
                throw new IllegalArgumentException("payloads[" + i + "] must not be null (topic " + route.topic + ")");
            }
        }
        int count = to - from;
        if (count == 0) {
            return 0;
        }
        long first = ids.getAndAdd(count) + 1;
        published.add(count);
        long ts = clock.nowNanos();
        int queued = 0;
        for (Target t : route.targets) {
            if (t.sub.delivery == Delivery.RELIABLE) {
                queued += t.sub.ring.enqueueBatch(t, payloads, from, to, priority, ts, first);
            } else {
                for (int i = from; i < to; i++) {
                    if (t.sub.type.isInstance(payloads[i]) && deliver(t, payloads[i], priority, ts, first + i - from)) {
                        queued++;
                    }
                }
            }
        }
        unrouted.add(unroutedIn(route, payloads, from, to));
        BusExporter ex = exporter;
        if (ex != null && route.exported) {
            for (int i = from; i < to; i++) {
                ex.export(new Envelope(first + i - from, nodeId, route.topic, priority, route.source, ts, payloads[i],
                        route.replyTo));
            }
        }
        return queued;
    }

    /** How many of the payloads no subscription of the route takes (by type). */
    private static int unroutedIn(Route route, Object[] payloads, int from, int to) {
        if (route.targets.length == 0) {
            return to - from;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            boolean taken = false;
            for (Target t : route.targets) {
                if (t.sub.type.isInstance(payloads[i])) {
                    taken = true;
                    break;
                }
            }
            if (!taken) {
                n++;
            }
        }
        return n;
    }

    /**
     * Delivers a message that came from outside this process (the Redis bridge) to local subscribers. It is not
     * exported again. Returns the number of subscriptions it was queued for.
     */
    public int inject(Envelope e) {
        Route route = route(e.source(), e.topic(), e.replyTo());
        int n = 0;
        for (Target t : route.targets) {
            if (t.sub.type.isInstance(e.payload()) && deliver(t, e.payload(), e.priority(), e.tsNanos(), e.id())) {
                n++;
            }
        }
        if (n == 0) {
            unrouted.increment();
        }
        return n;
    }

    /**
     * Runs on an engine's ring thread once every handler of that engine has run on an injected message (or at once,
     * on the caller's thread, when no subscription of the engine matches it). Must not block.
     */
    @FunctionalInterface
    public interface Completion {
        void handled();
    }

    /**
     * Delivers a message that came from outside this process to the subscriptions of one engine only, then runs
     * {@code done} on that engine's ring thread after their handlers (a handler that throws still counts as
     * handled: the message is dead-lettered locally). Not exported again.
     *
     * @return the number of subscriptions it was queued for (0: none matched, {@code done} has run); -1 when the
     *         engine is not running or stopped accepting, in which case {@code done} never runs
     */
    public int inject(Envelope e, String engine, Completion done) {
        EngineRing ring = rings.get(engine);
        if (ring == null) {
            return -1;
        }
        Sub<?>[] subs = cached(e.topic());
        if (subs == null) {
            subs = resolve(e.topic());
        }
        int matched = 0;
        int queued = 0;
        for (Sub<?> s : subs) {
            if (s.ring == ring && s.type.isInstance(e.payload()) && !(s.othersOnly && engine.equals(e.source()))) {
                matched++;
                if (deliver(new Target(s, e.topic(), e.source(), e.replyTo()), e.payload(), e.priority(), e.tsNanos(),
                        e.id())) {
                    queued++;
                }
            }
        }
        if (matched == 0) {
            done.handled();
            return 0;
        }
        // the lane is FIFO, so this marker runs after the deliveries queued above on the same lane
        boolean marked = queued == matched
                && ring.enqueue(BusEvent.DONE, new Target(null, e.topic(), e.source(), null), done, e.priority(), e.tsNanos(),
                        e.id());
        return marked ? queued : -1;
    }

    /** Patterns of the live subscriptions of one engine (what a bridge imports for it). */
    public List<String> patterns(String engine) {
        EngineRing r = rings.get(engine);
        if (r == null) {
            return List.of();
        }
        return subsByRing.getOrDefault(r, List.of()).stream().filter(s -> s.active).map(s -> s.pattern).distinct().toList();
    }

    private Sub<?>[] resolve(String topic) {
        Topics.checkTopic(topic);
        synchronized (lock) {
            Sub<?>[] subs = trie.match(topic).toArray(new Sub<?>[0]);
            String inbox = inboxPrefix(topic);
            if (inbox == null) {
                if (routes.size() >= MAX_CACHED_ROUTES) {
                    routes.clear();
                }
                routes.put(topic, subs);
            } else if (!literalInboxPatterns) {
                if (inboxRoutes.size() >= MAX_CACHED_ROUTES) {
                    inboxRoutes.clear();
                }
                inboxRoutes.put(inbox, subs);
            }
            return subs;
        }
    }

    /** The cached subscriptions of a topic, or null. */
    private Sub<?>[] cached(String topic) {
        String inbox = inboxPrefix(topic);
        if (inbox == null) {
            return routes.get(topic);
        }
        return literalInboxPatterns ? null : inboxRoutes.get(inbox);
    }

    /** {@code _inbox.<engine>.} of a reply topic {@code _inbox.<engine>.<n>} (three tokens), or null. */
    private static String inboxPrefix(String topic) {
        if (!topic.startsWith(INBOX_PREFIX)) {
            return null;
        }
        int dot = topic.indexOf('.', INBOX_PREFIX.length());
        return dot < 0 || topic.indexOf('.', dot + 1) >= 0 ? null : topic.substring(0, dot + 1);
    }

    /**
     * True if a pattern could match one reply topic {@code _inbox.<engine>.<n>} and not another of the same engine:
     * its first token could match {@code _inbox} and its third token is a literal (not {@code *} or {@code >}).
     */
    static boolean namesReplyLiterally(String pattern) {
        String[] t = pattern.split("\\.", -1);
        return t.length >= 3 && (t[0].equals("_inbox") || t[0].equals("*")) && !t[1].equals(">")
                && !t[2].equals("*") && !t[2].equals(">");
    }

    /** True if some local subscription matches the topic. */
    boolean hasSubscriber(String topic) {
        Sub<?>[] subs = cached(topic);
        return (subs == null ? resolve(topic) : subs).length > 0;
    }

    boolean exporting() {
        return exporter != null;
    }

    private static boolean deliver(Target t, Object payload, Priority priority, long ts, long id) {
        Sub<?> s = t.sub;
        return switch (s.delivery) {
            case RELIABLE -> s.ring.enqueue(BusEvent.DELIVER, t, payload, priority, ts, id);
            case LATEST -> {
                Sub.LatestSlot slot = s.latest.computeIfAbsent(t.topic, k -> new Sub.LatestSlot());
                Sub.Box box = slot.spare.getAndSet(null);
                if (box == null) {
                    box = new Sub.Box();
                }
                box.target = t;
                box.payload = payload;
                box.priority = priority;
                box.tsNanos = ts;
                box.id = id;
                Sub.Box prev = slot.newest.getAndSet(box);
                if (prev == null) {
                    yield s.ring.enqueue(BusEvent.TICK, t, null, priority, ts, id);
                }
                prev.clear(); // replaced before delivery: ours now, the next publisher's box
                slot.spare.set(prev);
                s.conflated.increment();
                yield true;
            }
            case DROP_OLDEST -> {
                s.window.add(new Sub.Pending(t, BusEvent.DELIVER, payload, priority, ts, id));
                if (s.windowSize.incrementAndGet() > s.capacity && s.window.poll() != null) {
                    s.windowSize.decrementAndGet();
                    s.dropped.increment();
                }
                if (s.tickScheduled.compareAndSet(false, true)) {
                    s.ring.enqueue(BusEvent.TICK, t, null, Priority.NORMAL, ts, id);
                }
                yield true;
            }
        };
    }

    private void deadLetter(EngineRing ring, String topic, Object payload, Throwable error) {
        if (topic == null || topic.startsWith("dlq.")) {
            return; // never dead-letter a dead letter
        }
        var dl = new DeadLetter(ring.engine, topic, payload == null ? "null" : payload.getClass().getName(), payload,
                error.getClass().getName() + ": " + error.getMessage(), clock.nowNanos());
        publish(ring.engine, "dlq." + ring.engine, dl, Priority.NORMAL, null);
    }

    /** Counters of one engine's inbox, for tests, /health and benchmarks. */
    public RingStats stats(String engine) {
        EngineRing r = rings.get(engine);
        LongAdder pub = publishedBy.get(engine);
        if (r == null) {
            return new RingStats(engine, pub == null ? 0 : pub.sum(), 0, 0, 0, 0, 0, 0, 0);
        }
        long conflated = 0;
        long dropped = 0;
        for (Sub<?> s : subsByRing.getOrDefault(r, List.of())) {
            conflated += s.conflated.sum();
            dropped += s.dropped.sum();
        }
        return new RingStats(engine, pub == null ? 0 : pub.sum(), r.delivered(), r.failed(), dropped, conflated,
                r.overflowed.sum(), r.backlog(), r.rejected.sum());
    }

    /** Handler latency percentiles of one engine (sampled 1 in 8 events), nanoseconds. */
    public io.nautilus.core.metrics.LatencyStats.Summary handlerLatency(String engine) {
        EngineRing r = rings.get(engine);
        return r == null ? new io.nautilus.core.metrics.LatencyStats().summary() : r.handlerLatency.summary();
    }

    /** Messages published with no subscriber (locally). */
    public long unrouted() {
        return unrouted.sum();
    }

    /** Registers the engine's bus meters (tagged by the registry's common tags). */
    public void bindMetrics(String engine, MeterRegistry registry) {
        ring(engine);
        FunctionCounter.builder("nautilus.bus.published", this, b -> b.stats(engine).published()).register(registry);
        FunctionCounter.builder("nautilus.bus.delivered", this, b -> b.stats(engine).delivered()).register(registry);
        FunctionCounter.builder("nautilus.bus.failed", this, b -> b.stats(engine).failed()).register(registry);
        FunctionCounter.builder("nautilus.bus.dropped", this, b -> b.stats(engine).dropped()).register(registry);
        FunctionCounter.builder("nautilus.bus.conflated", this, b -> b.stats(engine).conflated()).register(registry);
        FunctionCounter.builder("nautilus.bus.overflowed", this, b -> b.stats(engine).overflowed()).register(registry);
        Gauge.builder("nautilus.bus.backlog", this, b -> b.stats(engine).backlog()).register(registry);
        Gauge.builder("nautilus.bus.handler.latency.p50", this, b -> b.handlerLatency(engine).p50() / 1e9)
                .baseUnit("seconds").register(registry);
        Gauge.builder("nautilus.bus.handler.latency.p99", this, b -> b.handlerLatency(engine).p99() / 1e9)
                .baseUnit("seconds").register(registry);
        Gauge.builder("nautilus.bus.handler.latency.max", this, b -> b.handlerLatency(engine).max() / 1e9)
                .baseUnit("seconds").register(registry);
    }

    /**
     * Queues {@code task} on {@code engine}'s ring thread, on the urgent lane (ahead of queued NORMAL and LOW
     * messages) or the normal one (in order with them). Never blocks.
     *
     * @return false if the engine is not running or no longer accepts work (the task never runs)
     */
    public boolean run(String engine, RingTask task, boolean urgent) {
        EngineRing r = rings.get(engine);
        return r != null && r.enqueue(BusEvent.RUN, r.taskTarget, task, urgent ? Priority.HIGH : Priority.NORMAL,
                clock.nowNanos(), 0);
    }

    /** Runs {@code hook} on {@code engine}'s ring thread after each batch of handled messages. */
    public void onEndOfBatch(String engine, Runnable hook) {
        ring(engine).addEndOfBatch(hook);
    }

    /** Stops one engine's ring after draining it. */
    public void stopEngine(String engine, long timeoutMillis) {
        EngineRing r = rings.remove(engine);
        views.remove(engine);
        if (r != null) {
            r.stop(timeoutMillis);
        }
    }

    /** Stops every ring after draining it. */
    @Override
    public void close() {
        closed = true;
        for (String e : Map.copyOf(rings).keySet()) {
            stopEngine(e, 5_000);
        }
    }
}
