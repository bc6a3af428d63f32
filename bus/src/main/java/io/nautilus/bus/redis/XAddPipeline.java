package io.nautilus.bus.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import io.netty.buffer.ByteBuf;

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
 * commands rather than the async API: each command writes itself to the wire as one pre-encoded RESP prefix per
 * stream (key and the constant words, encoded once) followed by the body, the reply (the new entry id) is not
 * decoded into a String, and no future is created per entry. The batch goes to the connection's channel as one
 * write of the whole list, which Lettuce's command handler stacks and encodes into one buffer (see
 * {@link ExportChannel}). Redis answers a pipeline in order, so the thread that sent it parks once, until the last
 * command completes or any fails, and then reads each command's outcome. One instance per batch in flight;
 * exporter thread only.
 */
final class XAddPipeline {
    private static final byte[] CRLF = {'\r', '\n'};

    private final String maxLen;
    private final String field;
    /** Per stream key: {@code *8 $4 XADD $k <key> $6 MAXLEN $1 ~ $n <n> $1 * $1 e} as RESP, up to the body. */
    private final Map<String, byte[]> prefixes = new HashMap<>();
    private volatile List<XAdd> commands = List.of();
    private volatile Thread waiter;
    /** A command of the current batch failed for want of a link. */
    private volatile boolean failed;
    /** Why the batch could not be written to the channel (its commands never reached Redis), or null. */
    private volatile Throwable writeFailure;

    XAddPipeline(long maxLen, String field) {
        this.maxLen = Long.toString(maxLen);
        this.field = field;
    }

    /** The RESP encoding of an XADD up to (not including) the body's length: the same for every entry of a stream. */
    byte[] prefix(String key) {
        var b = new StringBuilder(64);
        b.append("*8\r\n");
        for (String word : new String[] {"XADD", key, "MAXLEN", "~", maxLen, "*", field}) {
            bulk(b, word);
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void bulk(StringBuilder b, String word) {
        byte[] utf8 = word.getBytes(StandardCharsets.UTF_8);
        // the builder holds bytes as ISO-8859-1 chars, so that a multi-byte UTF-8 key keeps its exact bytes
        b.append('$').append(utf8.length).append("\r\n").append(new String(utf8, StandardCharsets.ISO_8859_1)).append("\r\n");
    }

    /** The entries sent last (kept until the batch is settled: the commands refer to their bodies). */
    final List<Outbox.Outgoing> entries = new ArrayList<>();
    private long sentNanos;

    /** Queues and flushes one XADD per entry of {@link #entries}. */
    void send(ExportChannel channel) {
        send(channel, entries, 0);
    }

    /** When the batch was flushed ({@link System#nanoTime()}). */
    long sentNanos() {
        return sentNanos;
    }

    /** Writes and flushes one XADD per entry of {@code batch[from..]}. */
    void send(ExportChannel channel, List<Outbox.Outgoing> batch, int from) {
        sentNanos = System.nanoTime();
        failed = false;
        writeFailure = null;
        waiter = Thread.currentThread();
        // a new list per batch: the channel may still hold the list of an abandoned send when the pipeline is reused
        var batchCommands = new ArrayList<XAdd>(batch.size() - from);
        for (int i = from; i < batch.size(); i++) {
            Outbox.Outgoing o = batch.get(i);
            batchCommands.add(new XAdd(prefixes.computeIfAbsent(o.key(), this::prefix), o.body(), i == batch.size() - 1));
        }
        commands = batchCommands;
        channel.writeAndFlush(batchCommands, cause -> writeFailed(batchCommands, cause));
    }

    /** The channel refused a batch (closed): none of its commands reached Redis or will complete. */
    private void writeFailed(List<XAdd> batchCommands, Throwable cause) {
        if (commands != batchCommands) {
            return; // an abandoned send of this pipeline: the batch sent since is another
        }
        writeFailure = cause;
        failed = true;
        LockSupport.unpark(waiter);
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
            Throwable w = writeFailure;
            return w != null ? w : new TimeoutException("no reply to XADD");
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

        private final byte[] prefix;
        private final byte[] body;

        XAdd(byte[] prefix, byte[] body, boolean last) {
            super(CommandType.XADD, new IgnoredReply(), null);
            this.prefix = prefix;
            this.body = body;
            this.last = last;
        }

        /** The pre-encoded prefix of the stream, then the body as the last bulk string. */
        @Override
        public void encode(ByteBuf buf) {
            buf.writeBytes(prefix);
            buf.writeByte('$');
            writeDecimal(buf, body.length);
            buf.writeBytes(CRLF);
            buf.writeBytes(body);
            buf.writeBytes(CRLF);
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

    /** Writes a non-negative int in ASCII decimal. */
    static void writeDecimal(ByteBuf buf, int v) {
        if (v < 10) {
            buf.writeByte('0' + v);
            return;
        }
        writeDecimal(buf, v / 10);
        buf.writeByte('0' + v % 10);
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
