package io.nautilus.testkit;

import java.net.URI;
import java.nio.file.Path;

/**
 * A real Redis for tests. {@link #uri()} returns the Redis at the configured URL if it answers, otherwise one
 * this JVM starts itself; {@link #startPrivate()} starts a new server that one test owns (for fault tests).
 *
 * <p>Configuration, first found wins: system property {@value #PROPERTY}, environment variable {@value #ENV},
 * default {@value #DEFAULT_URL}. The configured server counts as answering if a RESP {@code PING} over a plain
 * socket gets {@code +PONG} within 500 ms (a server requiring a password answers {@code -NOAUTH} and so does not
 * count). Otherwise the testkit starts, once per JVM, a {@code redis-server} on a free port on 127.0.0.1: the
 * machine's (first on {@code PATH}) or else the one shipped in the embedded-redis artifact, keeping nothing on disk.
 * A shutdown hook stops it. Thread-safe.
 */
public final class TestRedis {

    /** System property naming the Redis URL to try first. */
    public static final String PROPERTY = "nautilus.test.redis";
    /** Environment variable naming the Redis URL to try first (the system property wins). */
    public static final String ENV = "NAUTILUS_TEST_REDIS";
    /** The URL tried when neither is set: the machine's and CI's Redis. */
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    private static URI shared;
    private static PrivateRedis started;

    private TestRedis() {
    }

    /** The URL tests should use first: the system property, else the environment variable, else the default. */
    public static String configuredUrl() {
        return Settings.get(PROPERTY, ENV, DEFAULT_URL);
    }

    /** {@code redis://host:port} of a Redis that answers PING: the configured one, or one started by this JVM. */
    public static synchronized URI uri() {
        if (shared == null) {
            shared = resolve(configuredUrl());
        }
        return shared;
    }

    /** {@link #uri()} as a string. */
    public static String url() {
        return uri().toString();
    }

    /** Host of {@link #uri()}. */
    public static String host() {
        return uri().getHost();
    }

    /** Port of {@link #uri()}. */
    public static int port() {
        return uri().getPort();
    }

    /**
     * Starts a NEW Redis on a free port with its own data directory, from the machine's {@code redis-server} if on
     * {@code PATH}, else the shipped one. The caller owns it: stop/start/kill it at will, close it when done.
     */
    public static PrivateRedis startPrivate() {
        return PrivateRedis.launch(RedisBinary.preferred(), PrivateRedis.Persistence.APPEND_ONLY);
    }

    /** Starts a new private server from a given executable (the testkit's own tests use the shipped one). */
    static PrivateRedis startPrivate(Path binary) {
        return PrivateRedis.launch(binary, PrivateRedis.Persistence.APPEND_ONLY);
    }

    /** The configured server if it answers, else this JVM's own server (started on first need). */
    static URI resolve(String configuredUrl) {
        URI configured = parse(configuredUrl);
        if (Resp.ping(configured.getHost(), configured.getPort(), Resp.PROBE_TIMEOUT)) {
            return URI.create("redis://" + configured.getHost() + ":" + configured.getPort());
        }
        return ownServer().uri();
    }

    private static synchronized PrivateRedis ownServer() {
        if (started == null) {
            PrivateRedis redis = PrivateRedis.launch(RedisBinary.preferred(), PrivateRedis.Persistence.NONE);
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "testkit-redis-stop"));
            started = redis;
        }
        return started;
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a URL like " + DEFAULT_URL + ", got '" + url + "'", e);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(PROPERTY + " must be a URL like " + DEFAULT_URL + ", got '" + url + "'");
        }
        return uri.getPort() > 0 ? uri : URI.create("redis://" + uri.getHost() + ":6379");
    }
}
