package io.nautilus.bus.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import io.nautilus.bus.Envelope;
import io.nautilus.bus.codec.CodecException;
import io.nautilus.bus.codec.EnvelopeCodec;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.time.Clock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import half of the bridge for one consumer group, on its own thread and its own connection (a blocking
 * XREADGROUP holds the connection). For an engine, the group is the engine's name, so replicas of an engine share
 * the work; the consumer is this process's node id. Per entry: decode (a malformed entry or an unknown type goes
 * to {@code <prefix>:dlq} with the reason and is acknowledged), skip this process's own messages (already delivered
 * locally), drop duplicates by (origin, id), inject into the engine's ring, and XACK only after the engine's
 * handlers ran ({@link LocalBus#inject(Envelope, String, LocalBus.Completion)}). Within each read the CRITICAL and
 * HIGH entries are injected first; the ring's urgent lane does the rest.
 *
 * <p>Recovery: after every (re)connect the consumer first re-reads its own pending entries (id {@code 0}), so an
 * entry whose reply was lost in an outage is not left waiting for a reclaim; every {@code reclaimInterval} it
 * takes over entries idle longer than {@code claimMinIdle} (XAUTOCLAIM: a dead consumer's), and an entry delivered
 * more than {@code maxDeliveries} times goes to the dead-letter stream. At most {@code 16 x batchSize} entries are
 * in flight; beyond that the backlog stays in Redis (back-pressure, not memory). Handled entries are acknowledged
 * in batches after each read; while entries are in flight a read blocks at most 5 ms, so a crash repeats at most
 * a few milliseconds of handled work.
 *
 * <p>The reply importer ({@code engine == null}) reads this process's reply stream and hands replies to the local
 * inbox topics, acknowledging at once. Thread-safe: all Redis work is on the importer's own thread.
 */
final class StreamImporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamImporter.class);
    private static final Duration ACK_BLOCK = Duration.ofMillis(5);

    private final RedisBridgeConfig config;
    private final RedisLink link;
    private final LocalBus bus;
    private final String node;
    private final String group;
    private final String engine;
    private final Supplier<Set<String>> wanted;
    private final Clock clock;
    private final StreamKeys keys;
    private final EnvelopeCodec codec;
    private final DedupWindow dedup;
    private final Backoff backoff;
    private final Consumer<String> consumer;
    private final XAddArgs dlqArgs;
    private final int maxInFlight;
    final LinkState state;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean reading = true;
    private volatile int inFlightCount;

    private StatefulRedisConnection<String, byte[]> conn;
    private final Set<String> streams = new LinkedHashSet<>();
    private XReadArgs.StreamOffset<String>[] offsets;
    private boolean recover = true;
    private long nextRefreshNanos;
    private long nextReclaimNanos;
    private final Map<String, Ack> inFlight = new HashMap<>();
    private final ConcurrentLinkedQueue<Ack> handled = new ConcurrentLinkedQueue<>();
    private final List<Ack> toAck = new ArrayList<>();
    private final List<SentAck> sentAcks = new ArrayList<>();

    final LongAdder imported = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder deadLetters = new LongAdder();
    final LongAdder reclaimed = new LongAdder();
    final LongAdder retries = new LongAdder();
    volatile long pending;
    volatile long lagNanos;

    /** An entry to acknowledge; also the completion the ring thread runs after the handlers. */
    private final class Ack implements LocalBus.Completion {
        final String stream;
        final String id;
        /** {@code id@stream}, made once (importer thread only): the in-flight map's key. */
        private String key;

        Ack(String stream, String id) {
            this.stream = stream;
            this.id = id;
        }

        @Override
        public void handled() {
            handled.add(this);
        }

        String key() {
            if (key == null) {
                key = id + '@' + stream;
            }
            return key;
        }
    }

    /**
     * @param engine the engine injected into, or null for the reply importer
     * @param wanted the stream keys to read (re-evaluated every reclaim interval)
     */
    StreamImporter(RedisBridgeConfig config, RedisLink link, LocalBus bus, String node, String group, String engine,
                   Supplier<Set<String>> wanted, Clock clock) {
        this.config = config;
        this.link = link;
        this.bus = bus;
        this.node = node;
        this.group = group;
        this.engine = engine;
        this.wanted = wanted;
        this.clock = clock;
        this.keys = new StreamKeys(config.prefix());
        this.codec = new EnvelopeCodec(config.types());
        this.dedup = new DedupWindow(config.dedupWindow());
        this.backoff = new Backoff(config.backoffMin(), config.backoffMax());
        this.consumer = Consumer.from(group, node);
        this.dlqArgs = new XAddArgs().maxlen(config.maxLen()).approximateTrimming();
        this.maxInFlight = 16 * config.batchSize();
        this.state = new LinkState("import " + group);
        this.thread = Thread.ofPlatform().name("redis-import-" + group).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    String group() {
        return group;
    }

    private void run() {
        while (running) {
            try {
                if (conn == null) {
                    conn = link.connect();
                    recover = true;
                    streams.clear();
                    nextRefreshNanos = 0;
                }
                RedisCommands<String, byte[]> redis = conn.sync();
                long now = System.nanoTime();
                if (now >= nextRefreshNanos) {
                    refreshStreams(redis);
                    nextRefreshNanos = now + config.reclaimInterval().toNanos();
                }
                flushAcks(redis);
                if (recover) {
                    recoverOwnPending(redis);
                    recover = false;
                }
                if (engine != null && now >= nextReclaimNanos) {
                    reclaim(redis);
                    nextReclaimNanos = now + config.reclaimInterval().toNanos();
                }
                state.up();
                backoff.reset();
                inFlightCount = inFlight.size();
                if (!reading || offsets.length == 0 || inFlight.size() >= maxInFlight) {
                    pollHandled(config.readBlock().toMillis());
                    continue;
                }
                // with entries in flight, wake up often to acknowledge them: a crash then repeats little work
                Duration block = inFlight.isEmpty() ? config.readBlock() : ACK_BLOCK;
                List<StreamMessage<String, byte[]>> read = redis.xreadgroup(consumer,
                        XReadArgs.Builder.block(block).count(config.batchSize()), offsets);
                handle(redis, read, null);
                flushAcks(redis);
            } catch (RedisException ex) {
                if (!running) {
                    break;
                }
                if (state.isUp()) {
                    LOG.warn("event=redis_import_down group={} error={}", group, ex.toString());
                }
                state.down(ex);
                retries.increment();
                RedisLink.closeQuietly(conn);
                conn = null;
                for (SentAck sent : sentAcks) { // no reply seen: send again (XACK is idempotent)
                    toAck.addAll(sent.acks());
                }
                sentAcks.clear();
                if (!backoff.pause()) {
                    break;
                }
            } catch (RuntimeException ex) {
                LOG.error("event=redis_import_failed group={}", group, ex);
                if (!backoff.pause()) {
                    break;
                }
            }
        }
        try {
            if (conn != null) {
                flushAcks(conn.sync()); // the last handled entries, so that nobody handles them again
                for (SentAck sent : sentAcks) {
                    sent.future().get(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (RedisException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            LOG.warn("event=redis_import_final_ack_failed group={} error={}", group, ex.toString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        RedisLink.closeQuietly(conn);
    }

    private void pollHandled(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (handled.isEmpty() && System.nanoTime() < deadline && running) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }

    @SuppressWarnings("unchecked")
    private void refreshStreams(RedisCommands<String, byte[]> redis) {
        Set<String> next = new LinkedHashSet<>(wanted.get());
        if (next.remove("*")) { // a pattern with a wildcard first token: every stream under the prefix
            ScanIterator.scan(redis, ScanArgs.Builder.matches(keys.all()).limit(500)).forEachRemaining(k -> {
                if (!keys.isInternal(k)) {
                    next.add(k);
                }
            });
        }
        for (String s : next) {
            if (!streams.contains(s)) {
                try {
                    redis.xgroupCreate(XReadArgs.StreamOffset.from(s, config.groupStart()), group,
                            XGroupCreateArgs.Builder.mkstream());
                } catch (RedisCommandExecutionException ex) {
                    if (ex.getMessage() == null || !ex.getMessage().startsWith("BUSYGROUP")) {
                        throw ex;
                    }
                }
            }
        }
        streams.retainAll(next);
        streams.addAll(next);
        offsets = streams.stream().map(XReadArgs.StreamOffset::lastConsumed).toArray(XReadArgs.StreamOffset[]::new);
    }

    /** Re-reads this consumer's own pending entries (delivered before a reconnect, maybe never received). */
    @SuppressWarnings("unchecked")
    private void recoverOwnPending(RedisCommands<String, byte[]> redis) {
        for (String s : streams) {
            String from = "0";
            while (true) {
                List<StreamMessage<String, byte[]>> own = redis.xreadgroup(consumer,
                        XReadArgs.Builder.count(config.batchSize()), XReadArgs.StreamOffset.from(s, from));
                if (own.isEmpty()) {
                    break;
                }
                handle(redis, own, null);
                from = own.getLast().getId();
            }
        }
    }

    /** Takes over entries idle longer than claimMinIdle; dead-letters those delivered too often. */
    private void reclaim(RedisCommands<String, byte[]> redis) {
        long pendingNow = 0;
        for (String s : streams) {
            String start = "0-0";
            for (int round = 0; round < 10; round++) {
                ClaimedMessages<String, byte[]> claimed = redis.xautoclaim(s, XAutoClaimArgs.Builder
                        .xautoclaim(consumer, config.claimMinIdle(), start).count(config.batchSize()));
                List<StreamMessage<String, byte[]>> msgs = claimed.getMessages();
                if (!msgs.isEmpty()) {
                    var deliveries = new HashMap<String, Long>();
                    for (PendingMessage p : redis.xpending(s, consumer,
                            Range.create(msgs.getFirst().getId(), msgs.getLast().getId()), Limit.from(msgs.size() * 2L))) {
                        deliveries.put(p.getId(), p.getRedeliveryCount());
                    }
                    reclaimed.add(msgs.size());
                    handle(redis, msgs, deliveries);
                }
                start = claimed.getId();
                if ("0-0".equals(start)) {
                    break;
                }
            }
            pendingNow += redis.xpending(s, group).getCount();
        }
        pending = pendingNow;
    }

    /** Handles a read; {@code deliveries} (reclaimed entries only) maps entry id to its delivery count. */
    private void handle(RedisCommands<String, byte[]> redis, List<StreamMessage<String, byte[]>> read,
                        Map<String, Long> deliveries) {
        if (read.isEmpty()) {
            return;
        }
        var decoded = new LinkedHashMap<StreamMessage<String, byte[]>, Envelope>();
        for (StreamMessage<String, byte[]> m : read) {
            Map<String, byte[]> body = m.getBody();
            if (body == null || body.isEmpty()) {
                toAck.add(new Ack(m.getStream(), m.getId())); // trimmed by MAXLEN while pending
                continue;
            }
            long count = deliveries == null ? 1 : deliveries.getOrDefault(m.getId(), 1L);
            if (count > config.maxDeliveries()) {
                deadLetter(redis, m, "not acknowledged after " + (count - 1) + " deliveries (max " + config.maxDeliveries() + ")");
                continue;
            }
            byte[] e = body.get(RedisExporter.FIELD);
            try {
                if (e == null) {
                    throw io.nautilus.bus.codec.CodecException.malformed("no field '" + RedisExporter.FIELD
                            + "' (entry fields " + body.keySet() + ")", null);
                }
                decoded.put(m, codec.decode(e));
            } catch (CodecException ex) {
                if (m.getStream().equals(keys.deadLetters())) {
                    toAck.add(new Ack(m.getStream(), m.getId())); // a bridge dead letter: never dead-letter it again
                } else {
                    deadLetter(redis, m, ex.getMessage());
                }
            }
        }
        for (var d : decoded.entrySet()) {
            if (d.getValue().priority().urgent()) {
                deliver(d.getKey(), d.getValue());
            }
        }
        for (var d : decoded.entrySet()) {
            if (!d.getValue().priority().urgent()) {
                deliver(d.getKey(), d.getValue());
            }
        }
    }

    private void deliver(StreamMessage<String, byte[]> m, Envelope e) {
        var ack = new Ack(m.getStream(), m.getId());
        if (node.equals(e.origin()) && engine != null) {
            toAck.add(ack); // published here: local subscribers had it already
            return;
        }
        if (engine == null) {
            imported.increment(); // before the requester can see the reply
            bus.inject(new Envelope(e.id(), e.origin(), StreamKeys.localInbox(e.topic()), e.priority(), e.source(),
                    e.tsNanos(), e.payload(), null));
            toAck.add(ack);
            return;
        }
        String key = ack.key();
        if (inFlight.containsKey(key)) {
            return; // re-read while its handler has not run yet: acknowledged when it has
        }
        if (dedup.seen(e.origin(), e.id())) {
            duplicates.increment();
            toAck.add(ack);
            return;
        }
        inFlight.put(key, ack);
        imported.increment(); // before the handler can run, so that counters never lag what handlers saw
        if (bus.inject(e, engine, ack) < 0) {
            inFlight.remove(key); // the engine is stopping: stays pending, a replica (or our restart) takes it
            imported.decrement();
            return;
        }
        dedup.mark(e.origin(), e.id());
        lagNanos = clock.nowNanos() - e.tsNanos();
    }

    private void deadLetter(RedisCommands<String, byte[]> redis, StreamMessage<String, byte[]> m, String reason) {
        var fields = new LinkedHashMap<String, byte[]>();
        fields.put("stream", utf8(m.getStream()));
        fields.put("id", utf8(m.getId()));
        fields.put("group", utf8(group));
        fields.put("consumer", utf8(node));
        fields.put("reason", utf8(reason));
        if (m.getBody() != null) {
            m.getBody().forEach((k, v) -> fields.put("entry." + k, v));
        }
        redis.xadd(keys.deadLetters(), dlqArgs, fields);
        deadLetters.increment();
        toAck.add(new Ack(m.getStream(), m.getId()));
        LOG.warn("event=redis_dead_letter stream={} id={} group={} reason={}", m.getStream(), m.getId(), group, reason);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * XACKs what is handled, grouped by stream, without waiting for the replies (the next read on this connection
     * is queued behind them, so no round trip is added); acknowledgements whose reply was an error are retried.
     */
    private void flushAcks(RedisCommands<String, byte[]> redis) {
        for (var it = sentAcks.iterator(); it.hasNext(); ) {
            var sent = it.next();
            if (sent.future().isDone()) {
                it.remove();
                if (sent.future().toCompletableFuture().isCompletedExceptionally()) {
                    toAck.addAll(sent.acks());
                }
            }
        }
        Ack a;
        while ((a = handled.poll()) != null) {
            inFlight.remove(a.key());
            toAck.add(a);
        }
        if (toAck.isEmpty()) {
            return;
        }
        var byStream = new LinkedHashMap<String, List<Ack>>();
        for (Ack x : toAck) {
            byStream.computeIfAbsent(x.stream, k -> new ArrayList<>()).add(x);
        }
        var async = conn.async();
        for (var e : byStream.entrySet()) {
            String[] ids = e.getValue().stream().map(x -> x.id).toArray(String[]::new);
            sentAcks.add(new SentAck(async.xack(e.getKey(), group, ids), e.getValue()));
        }
        toAck.clear();
    }

    /** An XACK on its way, with what it acknowledges (retried if it fails). */
    private record SentAck(RedisFuture<Long> future, List<Ack> acks) {
    }

    /** Entries handed to the engine whose handlers have not run yet (as of the last loop, any thread). */
    int inFlight() {
        return inFlightCount;
    }

    /** Stops reading new entries; keeps acknowledging handled ones until {@link #close}. */
    void stopReading() {
        reading = false;
    }

    /**
     * Stops: acknowledges what has been handled and closes the connection. Entries still in flight stay pending in
     * Redis (a replica or this engine's next start takes them over).
     */
    void close(long millis) {
        reading = false;
        running = false;
        try {
            thread.join(millis + config.readBlock().toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(2_000);
    }
}
