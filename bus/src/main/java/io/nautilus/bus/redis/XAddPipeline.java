package io.nautilus.bus.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * One pipelined batch of {@code XADD <key> MAXLEN ~ <n> * e <body>} on the export connection, as plain Lettuce
 * commands rather than the async API: the arguments are byte arrays prepared once (stream keys are encoded once per
 * stream, the constant words once), the reply (the new entry id) is not decoded into a String, and no future is
 * created per entry. Redis answers a pipeline in order, so the thread that sent it parks once, until the last
 * command completes or any fails, and then reads each command's outcome. One instance per batch in flight;
 * exporter thread only.
 */
final class XAddPipeline {
    private static final byte[] MAXLEN = ascii("MAXLEN");
    private static final byte[] APPROX = ascii("~");
    private static final byte[] AUTO_ID = ascii("*");

    private final byte[] maxLen;
    private final byte[] field;
    private final Map<String, byte[]> keys = new HashMap<>();
    private final List<XAdd> commands = new ArrayList<>();
    private volatile Thread waiter;
    /** A command of the current batch failed for want of a link. */
    private volatile boolean failed;

    XAddPipeline(long maxLen, String field) {
        this.maxLen = ascii(Long.toString(maxLen));
        this.field = ascii(field);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The entries sent last (kept until the batch is settled: the commands refer to their bodies). */
    final List<Outbox.Outgoing> entries = new ArrayList<>();
    private long sentNanos;

    /** Queues and flushes one XADD per entry of {@link #entries}. */
    void send(StatefulRedisConnection<byte[], byte[]> conn) {
        send(conn, entries, 0);
    }

    /** When the batch was flushed ({@link System#nanoTime()}). */
    long sentNanos() {
        return sentNanos;
    }

    /** Queues and flushes one XADD per entry of {@code batch[from..]}. */
    void send(StatefulRedisConnection<byte[], byte[]> conn, List<Outbox.Outgoing> batch, int from) {
        sentNanos = System.nanoTime();
        commands.clear();
        failed = false;
        waiter = Thread.currentThread();
        for (int i = from; i < batch.size(); i++) {
            Outbox.Outgoing o = batch.get(i);
            var args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(keys.computeIfAbsent(o.key(), XAddPipeline::ascii))
                    .add(MAXLEN).add(APPROX).add(maxLen).add(AUTO_ID).add(field).add(o.body());
            commands.add(new XAdd(args, i == batch.size() - 1));
        }
        conn.dispatch(commands);
        conn.flushCommands();
    }

    /** Waits until the last command of the batch completes or one fails; false if that took longer than {@code nanos}. */
    boolean await(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (!settled()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("export stopped");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, left);
        }
        return true;
    }

    /** True once every command has its reply, or the link failed. */
    boolean settled() {
        return commands.isEmpty() || commands.getLast().done || failed;
    }

    int size() {
        return commands.size();
    }

    /**
     * The outcome of the i-th command: null if Redis appended the entry, otherwise the failure (a
     * {@link RedisCommandExecutionException} carries Redis's error reply).
     */
    Throwable outcome(int i) {
        XAdd c = commands.get(i);
        if (!c.done) {
            return new TimeoutException("no reply to XADD");
        }
        if (c.failure != null) {
            return c.failure;
        }
        String error = c.getOutput().getError();
        return error == null ? null : new RedisCommandExecutionException(error);
    }

    /** An XADD whose completion (Lettuce's I/O thread) wakes the exporter if it is the last or if it failed. */
    private final class XAdd extends Command<byte[], byte[], Void> {
        private final boolean last;
        private volatile boolean done;
        private volatile Throwable failure;

        XAdd(CommandArgs<byte[], byte[]> args, boolean last) {
            super(CommandType.XADD, new IgnoredReply(), args);
            this.last = last;
        }

        @Override
        public void complete() { // also after an error reply, which does not stop the pipeline
            super.complete();
            done = true;
            if (last) {
                LockSupport.unpark(waiter);
            }
        }

        @Override
        public boolean completeExceptionally(Throwable cause) {
            super.completeExceptionally(cause);
            fail(cause);
            return true;
        }

        @Override
        public void cancel() {
            super.cancel();
            fail(new CancellationException("XADD cancelled (connection closed)"));
        }

        /** The link failed (Lettuce fails every command still waiting): the batch is settled. */
        private void fail(Throwable cause) {
            failure = cause;
            done = true;
            failed = true;
            LockSupport.unpark(waiter);
        }
    }

    /** XADD's reply, the new entry id, is not needed: nothing is decoded. Errors are kept by the base class. */
    private static final class IgnoredReply extends CommandOutput<byte[], byte[], Void> {
        IgnoredReply() {
            super(ByteArrayCodec.INSTANCE, null);
        }

        @Override
        public void set(ByteBuffer bytes) {
            // the entry id
        }
    }
}
