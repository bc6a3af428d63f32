package io.nautilus.bus.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nautilus.bus.BusExporter;
import io.nautilus.bus.Envelope;
import io.nautilus.bus.codec.CodecException;
import io.nautilus.bus.codec.EnvelopeCodec;
import io.nautilus.core.bus.Reply;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export half of the bridge: sees every message published in this process ({@link BusExporter}, on the
 * publisher's thread: a filter and one queue insert), and on its own thread appends them to Redis with pipelined
 * {@code XADD <stream> MAXLEN ~ <n> * e <json>} in batches on a dedicated connection with manual flush.
 *
 * <p>Order: one thread sends batch after batch on one connection (up to {@value #MAX_BATCHES_IN_FLIGHT} batches
 * in flight, so that a message is sent at once instead of after the replies to the previous batch), and after a
 * failure everything from the first unconfirmed entry on is sent again, in order, until Redis confirms it, so each
 * publisher's messages reach a stream in publish order. A resend after a lost reply can
 * append an entry twice; importers drop the copy by (origin, id). Local reply topics ({@code _inbox.}) are never
 * exported; a request's reply topic is rewritten to this process's wire reply topic (see {@link StreamKeys}).
 *
 * <p>Outage: the outbox holds messages (memory, then the spill file), the thread reconnects forever with a capped
 * backoff and resumes in order. Thread-safe.
 */
final class RedisExporter implements BusExporter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisExporter.class);
    static final String FIELD = "e";
    /** Batches in flight at once: a message is sent at once rather than after the replies to the batch before. */
    static final int MAX_BATCHES_IN_FLIGHT = 4;

    private final RedisBridgeConfig config;
    private final RedisLink link;
    private final String node;
    private final StreamKeys keys;
    private final EnvelopeCodec codec;
    private final boolean exportAll;
    private final Outbox outbox;
    private final Backoff backoff;
    final LinkState state = new LinkState("export");
    private final Thread thread;
    private volatile boolean closing;
    private volatile long closeDeadline;
    private StatefulRedisConnection<byte[], byte[]> conn;
    /** How batches reach {@link #conn}; null while it is. */
    private volatile ExportChannel channel;
    /** The pipeline of {@link #sendAll} (resending after a failure, waiting for each batch). */
    private final XAddPipeline pipeline;
    /** Batches sent and not yet settled, oldest first (the exporter sends on while Redis answers). */
    private final ArrayDeque<XAddPipeline> window = new ArrayDeque<>();
    private final ArrayDeque<XAddPipeline> spare = new ArrayDeque<>();
    /** Encodes on the exporter thread (the outbox's spill path, on publisher threads, uses the thread-safe codec). */
    private final EnvelopeCodec.Writer writer;
    private int confirmed;

    final LongAdder exported = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder unencodable = new LongAdder();
    final LongAdder rejected = new LongAdder();
    private long lastWarnNanos;

    RedisExporter(RedisBridgeConfig config, RedisLink link, String node) {
        this.config = config;
        this.link = link;
        this.node = node;
        this.keys = new StreamKeys(config.prefix());
        this.codec = new EnvelopeCodec(config.types());
        this.exportAll = config.exportPatterns().contains(">");
        this.writer = codec.newWriter();
        Path spill = config.spillDir() == null ? null : config.spillDir().resolve("outbox-" + node + ".spill");
        Encoder shared = codec::encode;
        Encoder exporterThread = writer::encode;
        this.outbox = new Outbox(config.outboxCapacity(), spill, e -> encode(e, shared, keys::stream),
                e -> encode(e, exporterThread, this::streamOnExportThread));
        this.pipeline = new XAddPipeline(config.maxLen(), FIELD);
        this.backoff = new Backoff(config.backoffMin(), config.backoffMax());
        this.thread = Thread.ofPlatform().name("redis-export").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    @Override
    public void export(Envelope e) {
        String topic = e.topic();
        if (topic.startsWith(StreamKeys.INBOX) || !exported(topic)) {
            return;
        }
        if (e.replyTo() != null && e.replyTo().startsWith(StreamKeys.INBOX)) {
            e = new Envelope(e.id(), e.origin(), topic, e.priority(), e.source(), e.tsNanos(), e.payload(),
                    StreamKeys.wireReplyTo(node, e.replyTo()));
        }
        outbox.offer(e);
    }

    private boolean exported(String topic) {
        if (exportAll || topic.startsWith(StreamKeys.REPLY)) {
            return true;
        }
        for (String p : config.exportPatterns()) {
            if (StreamKeys.matches(p, topic)) {
                return true;
            }
        }
        return false;
    }

    /** How an envelope becomes bytes: the thread-safe codec or the exporter thread's writer. */
    @FunctionalInterface
    private interface Encoder {
        byte[] encode(Envelope e) throws CodecException;
    }

    /**
     * The stream key of a topic, remembered per topic on the export thread (a key is two new strings otherwise);
     * the map is emptied when it reaches {@value #STREAM_CACHE_SIZE} topics, which bounds it.
     */
    private String streamOnExportThread(String topic) {
        String key = streamOfTopic.get(topic);
        if (key == null) {
            if (streamOfTopic.size() >= STREAM_CACHE_SIZE) {
                streamOfTopic.clear();
            }
            key = keys.stream(topic);
            streamOfTopic.put(topic, key);
        }
        return key;
    }

    private static final int STREAM_CACHE_SIZE = 10_000;
    private final HashMap<String, String> streamOfTopic = new HashMap<>();

    /** The stream entry of an envelope, or null (counted) when its payload cannot cross processes. */
    private Outbox.Outgoing encode(Envelope e, Encoder encoder, UnaryOperator<String> stream) {
        try {
            return new Outbox.Outgoing(stream.apply(e.topic()), encoder.encode(e));
        } catch (CodecException ex) {
            unencodable.increment();
            warn("topic=" + e.topic() + " not exported: " + ex.getMessage());
            if (e.payload() instanceof Reply) {
                // tell the requester at once instead of letting it time out
                return encode(new Envelope(e.id(), e.origin(), e.topic(), e.priority(), e.source(), e.tsNanos(),
                        new Reply(null, "reply cannot cross processes: " + ex.getMessage()), e.replyTo()), encoder, stream);
            }
            return null;
        }
    }

    private void run() {
        while (!(closing && ((outbox.isEmpty() && window.isEmpty()) || pastDeadline()))) {
            try {
                if (conn == null && !connect()) {
                    continue;
                }
                settle();
                if (window.size() < MAX_BATCHES_IN_FLIGHT && sendNext()) {
                    continue;
                }
                if (!window.isEmpty()) {
                    awaitReplyOrWork();
                }
            } catch (InterruptedException ie) {
                break;
            } catch (RuntimeException ex) {
                LOG.error("event=redis_export_failed", ex);
            }
        }
        RedisLink.closeQuietly(conn);
    }

    /**
     * Sends what the outbox holds as the next batch, without waiting for the replies to the batches in flight
     * (waiting up to 50 ms for a message when nothing is in flight); false if there was nothing to send.
     */
    private boolean sendNext() throws InterruptedException {
        XAddPipeline p = spare.isEmpty() ? new XAddPipeline(config.maxLen(), FIELD) : spare.pop();
        p.entries.clear();
        long wait = window.isEmpty() ? TimeUnit.MILLISECONDS.toNanos(50) : 0;
        if (outbox.drain(p.entries, config.batchSize(), wait) == 0) {
            spare.push(p);
            return false;
        }
        window.add(p);
        try {
            p.send(channel);
        } catch (RuntimeException ex) { // the link is down: everything in flight is sent again once it is back
            resendWindow(0, ex);
        }
        return true;
    }

    /** Parks until the oldest batch in flight is settled, or (if another batch may be sent) a message arrives. */
    private void awaitReplyOrWork() {
        XAddPipeline head = window.peek();
        long left = head.sentNanos() + config.commandTimeout().toNanos() - System.nanoTime();
        boolean room = window.size() < MAX_BATCHES_IN_FLIGHT;
        if (room) {
            outbox.sleeper(thread);
        }
        try {
            if (!head.settled() && left > 0 && !(room && !outbox.isEmpty())) {
                LockSupport.parkNanos(this, left);
            }
        } finally {
            if (room) {
                outbox.sleeper(null);
            }
        }
    }

    /**
     * Takes the settled batches off the head of the window, in order. A batch not settled within the command
     * timeout, or one that Redis did not confirm, is sent again from its first unconfirmed entry, with every batch
     * sent after it.
     */
    private void settle() throws InterruptedException {
        while (!window.isEmpty()) {
            XAddPipeline head = window.peek();
            boolean late = System.nanoTime() - head.sentNanos() > config.commandTimeout().toNanos();
            if (!head.settled() && !late) {
                return;
            }
            try {
                confirm(head, head.entries, 0);
            } catch (ExecutionException | TimeoutException ex) {
                resendWindow(confirmed, ex instanceof ExecutionException ? ex.getCause() : ex);
                return;
            }
            window.poll();
            spare.push(head);
            state.up();
            backoff.reset();
        }
    }

    /**
     * The link failed: drops the connection (commands in flight on it are abandoned, so their pipelines are not
     * reused) and, once connected again, sends the head batch from {@code from} and every later batch, in order.
     */
    private void resendWindow(int from, Throwable cause) throws InterruptedException {
        var again = new ArrayList<Outbox.Outgoing>();
        XAddPipeline head = window.poll();
        again.addAll(head.entries.subList(from, head.entries.size()));
        for (XAddPipeline later : window) {
            again.addAll(later.entries);
        }
        window.clear();
        failed(cause);
        sendAll(again);
    }

    /**
     * Connects (eagerly, so that health shows a down link before anything is sent); false after a failure. The
     * link counts as up only once Redis answers PING: a restarted Redis accepts connections while it loads its
     * data and refuses every command with LOADING meanwhile, and if loading ended in the middle of a pipeline,
     * the later XADDs would be appended and the earlier refused ones sent again after them, out of order.
     */
    private boolean connect() throws InterruptedException {
        try {
            conn = link.connectBinary();
            conn.sync().ping(); // throws RedisLoadingException while Redis loads its data
            conn.setAutoFlushCommands(false);
            channel = new ExportChannel(conn);
            if (!state.isUp()) {
                LOG.info("event=redis_export_connected uri={}", config.redactedUri());
            }
            state.up();
            return true;
        } catch (RuntimeException ex) {
            failed(ex);
            return false;
        }
    }

    private void failed(Throwable cause) throws InterruptedException {
        if (state.isUp()) {
            LOG.warn("event=redis_export_down uri={} outbox={} error={}", config.redactedUri(), outbox.depth(), cause.toString());
        }
        state.down(cause);
        RedisLink.closeQuietly(conn);
        conn = null;
        channel = null;
        retries.increment();
        if ((closing && pastDeadline()) || !backoff.pause()) {
            throw new InterruptedException("export stopped");
        }
    }

    private boolean pastDeadline() {
        return System.nanoTime() > closeDeadline;
    }

    /** Sends a batch in order, resending from the first unconfirmed entry until all are confirmed. */
    private void sendAll(List<Outbox.Outgoing> batch) throws InterruptedException {
        int from = 0;
        while (from < batch.size()) {
            confirmed = from;
            try {
                if (conn == null && !connect()) {
                    continue;
                }
                send(batch, from);
                from = batch.size();
                state.up();
                backoff.reset();
            } catch (RuntimeException | ExecutionException | TimeoutException ex) { // confirmed: the first to resend
                from = confirmed;
                failed(ex instanceof ExecutionException ? ex.getCause() : ex);
            }
        }
    }

    /** Pipelines batch[from..] and waits; {@link #confirmed} is the index after the last entry Redis confirmed. */
    private void send(List<Outbox.Outgoing> batch, int from) throws ExecutionException, TimeoutException, InterruptedException {
        confirmed = from;
        pipeline.send(channel, batch, from);
        // Redis answers a pipeline in order: one park until the last reply (or a failure), then read each outcome
        pipeline.await(config.commandTimeout().toNanos());
        confirm(pipeline, batch, from);
    }

    /**
     * Reads the outcome of each XADD of a settled pipeline of batch[from..], counting appended and refused
     * entries; {@link #confirmed} ends at the first entry to send again.
     *
     * @throws ExecutionException the link failed, or Redis could not append now (loading, busy...)
     * @throws TimeoutException   an XADD had no reply within the command timeout
     */
    private void confirm(XAddPipeline pipeline, List<Outbox.Outgoing> batch, int from) throws ExecutionException, TimeoutException {
        confirmed = from;
        int appended = 0;
        try {
            for (int i = 0; i < pipeline.size(); i++) {
                Throwable failure = pipeline.outcome(i);
                if (failure == null) {
                    appended++;
                } else if (refusedForGood(failure)) {
                    // Redis refused this one entry (e.g. the key holds another type): resending cannot help
                    rejected.increment();
                    warn("XADD to " + batch.get(from + i).key() + " refused: " + failure.getMessage());
                } else {
                    // the link failed, or Redis is loading, busy, out of memory...: resend from here
                    if (failure instanceof TimeoutException t) {
                        throw t;
                    }
                    throw new ExecutionException(failure);
                }
                confirmed = from + i + 1;
            }
        } finally {
            exported.add(appended);
        }
    }

    /** A refusal that resending cannot cure: the key holds another type, or the command is wrong. */
    static boolean refusedForGood(Throwable error) {
        if (!(error instanceof RedisCommandExecutionException)) {
            return false;
        }
        String m = error.getMessage() == null ? "" : error.getMessage();
        return m.startsWith("WRONGTYPE") || m.startsWith("ERR");
    }

    private void warn(String message) {
        long now = System.nanoTime();
        if (now - lastWarnNanos > TimeUnit.SECONDS.toNanos(10) || lastWarnNanos == 0) {
            lastWarnNanos = now;
            LOG.warn("event=redis_export_skipped {}", message);
        }
    }

    /** True while connected with batches written to the channel as one write each (see {@link ExportChannel}). */
    boolean directWrites() {
        ExportChannel c = channel;
        return c != null && c.isDirect();
    }

    Outbox outbox() {
        return outbox;
    }

    /** Stops after flushing the outbox, waiting at most {@code drainMillis} for Redis. */
    void close(long drainMillis) {
        closeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        closing = true;
        try {
            thread.join(drainMillis + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        long left = outbox.depth();
        if (left > 0) {
            LOG.warn("event=redis_export_closed unsent={} (redis unreachable for the drain time)", left);
        }
        outbox.close();
    }

    @Override
    public void close() {
        close(5_000);
    }
}
