package io.nautilus.bus.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.DefaultEndpoint;
import io.lettuce.core.protocol.RedisCommand;
import io.netty.channel.Channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the exporter hands a pipelined batch to its Lettuce connection: as one write of the whole command list to the
 * connection's netty channel, then one flush. Lettuce's own command handler takes the list (its batch write: the
 * commands join its reply stack in order) and its encoder writes them into one buffer, so the I/O thread handles one
 * task, one promise and one buffer per batch. {@code dispatch} + {@code flushCommands}, the alternative, write the
 * commands one by one from this thread: a task, a promise, two listeners and a buffer per command on the I/O
 * thread, which cost as much CPU as encoding the entries.
 *
 * <p>Lettuce exposes no channel of a standalone connection, so it is read from the connection's endpoint
 * ({@link DefaultEndpoint}'s protected {@code channel} field, Lettuce 6.x). Should a later Lettuce lack it, the
 * batch goes through {@code dispatch} + {@code flushCommands} (same order and replies, more CPU);
 * {@link #isDirect()} tells which (a test asserts the direct path, so an upgrade that loses it is noticed).
 * Exporter thread only.
 */
final class ExportChannel {
    private static final VarHandle ENDPOINT_CHANNEL = endpointChannel();

    private final StatefulRedisConnection<byte[], byte[]> conn;
    private final Channel channel;

    /** The channel of a connected connection (autoReconnect off: the channel stays the same for its life). */
    ExportChannel(StatefulRedisConnection<byte[], byte[]> conn) {
        this.conn = conn;
        this.channel = channelOf(conn);
    }

    private static VarHandle endpointChannel() {
        try {
            return MethodHandles.privateLookupIn(DefaultEndpoint.class, MethodHandles.lookup())
                    .findVarHandle(DefaultEndpoint.class, "channel", Channel.class);
        } catch (ReflectiveOperationException | RuntimeException ex) {
            return null; // another Lettuce: the dispatch path
        }
    }

    private static Channel channelOf(StatefulRedisConnection<?, ?> conn) {
        if (ENDPOINT_CHANNEL == null || !(conn instanceof RedisChannelHandler<?, ?> handler)) {
            return null;
        }
        RedisChannelWriter writer = handler.getChannelWriter();
        return writer instanceof DefaultEndpoint endpoint ? (Channel) ENDPOINT_CHANNEL.getVolatile(endpoint) : null;
    }

    /** True if batches go to the channel as one write (the fast path), false if command by command. */
    boolean isDirect() {
        return channel != null;
    }

    /**
     * Writes the commands, in order, and flushes. {@code onWriteFailure} runs (on the I/O thread) if the channel
     * refused the batch, in which case none of the commands is sent or will complete; a link that fails later fails
     * the commands themselves, as with any Lettuce command.
     */
    void writeAndFlush(List<? extends RedisCommand<byte[], byte[], ?>> commands, Consumer<Throwable> onWriteFailure) {
        if (channel == null) {
            conn.dispatch(commands);
            conn.flushCommands();
            return;
        }
        channel.writeAndFlush(commands).addListener(f -> {
            if (!f.isSuccess()) {
                onWriteFailure.accept(f.cause());
            }
        });
    }
}
