package io.nautilus.bus.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import java.time.Duration;

/**
 * The Lettuce client of one bridge: connections on demand, keys as UTF-8 strings and values as bytes. AUTH
 * ({@code redis://user:password@host}) and TLS ({@code rediss://}) come from the URI. Lettuce's own reconnect is
 * off: the bridge's threads reconnect themselves with a capped backoff on a fresh connection, so no command is
 * silently replayed after an outage and a failure is seen where it happens. Thread-safe.
 */
final class RedisLink implements AutoCloseable {
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;

    RedisLink(RedisBridgeConfig config) {
        RedisURI u = RedisURI.create(config.uri());
        u.setTimeout(config.commandTimeout());
        this.client = RedisClient.create(u);
        var options = ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // no per-command expiry timer (it cost a scheduled task per XADD): synchronous calls wait at most
                // the URI timeout, and the exporter bounds its own waits on the pipelined futures
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build());
        if (config.truststore() != null) {
            options.sslOptions(SslOptions.builder().jdkSslProvider()
                    .truststore(config.truststore().toFile(), config.truststorePassword()).build());
        }
        client.setOptions(options.build());
    }

    /** A new connection (throws a {@link io.lettuce.core.RedisException} if Redis is unreachable or AUTH fails). */
    StatefulRedisConnection<String, byte[]> connect() {
        return client.connect(CODEC);
    }

    /** A new connection with keys and values as bytes (the exporter's, which encodes its arguments itself). */
    StatefulRedisConnection<byte[], byte[]> connectBinary() {
        return client.connect(ByteArrayCodec.INSTANCE);
    }

    /** Closes a connection, ignoring a connection that is already broken. */
    static void closeQuietly(StatefulRedisConnection<?, ?> c) {
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already closed by the failure that made us drop it
            }
        }
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
