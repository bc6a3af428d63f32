package io.nautilus.bus.redis;

import io.lettuce.core.RedisURI;
import io.nautilus.bus.codec.TypeRegistry;
import io.nautilus.core.engine.EngineConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the Redis Streams bridge, validated once by {@link Builder#build()}. Immutable and thread-safe.
 *
 * @param uri             Redis URI: {@code redis://[user:password@]host[:port][/db]}, {@code rediss://} for TLS
 * @param prefix          stream key prefix: streams are {@code <prefix>:<first topic token>}
 * @param maxLen          approximate cap per stream ({@code XADD MAXLEN ~}); entries beyond it are trimmed
 * @param exportPatterns  topic patterns exported (default {@code >}: everything published in this process)
 * @param batchSize       XADDs per pipelined flush, and entries per XREADGROUP / XAUTOCLAIM call
 * @param outboxCapacity  messages held in memory while Redis is slow or unreachable
 * @param spillDir        directory of the outbox spill file once memory is full, or null to drop (counted)
 * @param maxDeliveries   deliveries after which an unacknowledged entry goes to {@code <prefix>:dlq}
 * @param claimMinIdle    idle time after which a pending entry of another consumer is reclaimed (XAUTOCLAIM);
 *                        longer than the slowest handler, or a live consumer's work is taken over
 * @param reclaimInterval how often pending entries are scanned for reclaim and metrics
 * @param readBlock       XREADGROUP BLOCK time; also the longest delay of an acknowledgement
 * @param dedupWindow     ids per origin remembered for de-duplication (rounded up to a power of two)
 * @param groupStart      where a NEW consumer group starts: {@code 0} (oldest retained entry) or {@code $} (new only)
 * @param commandTimeout  timeout of one Redis command
 * @param backoffMin      first reconnect delay
 * @param backoffMax      reconnect delay cap; reconnecting never stops
 * @param types           payload types that may cross processes
 * @param truststore      for {@code rediss://}: a PKCS12 or JKS file of the CAs to trust (a private CA), or null
 *                        for the JDK's default trust store
 * @param truststorePassword password of the trust store, or null
 */
public record RedisBridgeConfig(String uri, String prefix, long maxLen, List<String> exportPatterns, int batchSize,
                                int outboxCapacity, Path spillDir, int maxDeliveries, Duration claimMinIdle,
                                Duration reclaimInterval, Duration readBlock, int dedupWindow, String groupStart,
                                Duration commandTimeout, Duration backoffMin, Duration backoffMax, TypeRegistry types,
                                Path truststore, String truststorePassword) {

    public static final String DEFAULT_PREFIX = "nautilus";
    public static final long DEFAULT_MAX_LEN = 1_000_000;
    public static final int DEFAULT_BATCH_SIZE = 512;
    public static final int DEFAULT_OUTBOX_CAPACITY = 100_000;
    public static final int DEFAULT_MAX_DELIVERIES = 5;
    public static final Duration DEFAULT_CLAIM_MIN_IDLE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RECLAIM_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_BLOCK = Duration.ofMillis(100);
    public static final int DEFAULT_DEDUP_WINDOW = 1 << 20;

    public RedisBridgeConfig {
        if (!requireText("uri", uri).startsWith("redis://") && !uri.startsWith("rediss://")) {
            throw new IllegalArgumentException("uri must start with redis:// or rediss://, got '" + uri + "'");
        }
        try {
            RedisURI.create(uri);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("uri is not a Redis URI (redis://[user:password@]host[:port][/db]): "
                    + ex.getMessage(), ex);
        }
        if (!requireText("prefix", prefix).matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw new IllegalArgumentException("prefix must be 1-64 letters, digits, '_' or '-', got '" + prefix + "'");
        }
        positive("maxLen", maxLen);
        exportPatterns = List.copyOf(exportPatterns);
        exportPatterns.forEach(io.nautilus.core.bus.Topics::checkPattern);
        positive("batchSize", batchSize);
        positive("outboxCapacity", outboxCapacity);
        positive("maxDeliveries", maxDeliveries);
        positive("claimMinIdle", claimMinIdle);
        positive("reclaimInterval", reclaimInterval);
        positive("readBlock", readBlock);
        positive("dedupWindow", dedupWindow);
        if (!"0".equals(groupStart) && !"$".equals(groupStart)) {
            throw new IllegalArgumentException("groupStart must be 0 or $, got '" + groupStart + "'");
        }
        positive("commandTimeout", commandTimeout);
        if (commandTimeout.compareTo(readBlock.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("commandTimeout must be at least twice readBlock (a blocked read must not time out), got "
                    + commandTimeout + " and " + readBlock);
        }
        positive("backoffMin", backoffMin);
        if (backoffMax == null || backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("backoffMax must be >= backoffMin, got " + backoffMax);
        }
        if (types == null) {
            throw new IllegalArgumentException("types must not be null");
        }
        if (truststore != null && !java.nio.file.Files.isReadable(truststore)) {
            throw new IllegalArgumentException("truststore " + truststore + " is not a readable file");
        }
    }

    /** A builder with every default, for {@code uri}. */
    public static Builder custom(String uri) {
        return new Builder(uri);
    }

    /** Defaults for {@code uri}. */
    public static RedisBridgeConfig of(String uri) {
        return custom(uri).build();
    }

    /**
     * Defaults overridden by engine settings (keys {@code redis.prefix}, {@code redis.maxlen}, {@code redis.export}
     * (comma-separated patterns), {@code redis.batch}, {@code redis.outbox}, {@code redis.spill-dir},
     * {@code redis.max-deliveries}, {@code redis.claim-idle-ms}, {@code redis.reclaim-ms}, {@code redis.block-ms},
     * {@code redis.dedup-window}, {@code redis.group-start}, {@code redis.tls.truststore},
     * {@code redis.tls.truststore-password}).
     */
    public static RedisBridgeConfig from(String uri, EngineConfig c) {
        Builder b = custom(uri).prefix(c.string("redis.prefix", DEFAULT_PREFIX))
                .maxLen(c.integer("redis.maxlen", (int) DEFAULT_MAX_LEN))
                .exportPatterns(List.of(c.string("redis.export", ">").split("\\s*,\\s*")))
                .batchSize(c.integer("redis.batch", DEFAULT_BATCH_SIZE))
                .outboxCapacity(c.integer("redis.outbox", DEFAULT_OUTBOX_CAPACITY))
                .maxDeliveries(c.integer("redis.max-deliveries", DEFAULT_MAX_DELIVERIES))
                .claimMinIdle(Duration.ofMillis(c.integer("redis.claim-idle-ms", (int) DEFAULT_CLAIM_MIN_IDLE.toMillis())))
                .reclaimInterval(Duration.ofMillis(c.integer("redis.reclaim-ms", (int) DEFAULT_RECLAIM_INTERVAL.toMillis())))
                .readBlock(Duration.ofMillis(c.integer("redis.block-ms", (int) DEFAULT_READ_BLOCK.toMillis())))
                .dedupWindow(c.integer("redis.dedup-window", DEFAULT_DEDUP_WINDOW))
                .groupStart(c.string("redis.group-start", "0"));
        String trust = c.string("redis.tls.truststore", null);
        if (trust != null) {
            b.truststore(Path.of(trust), c.string("redis.tls.truststore-password", null));
        }
        String spill = c.string("redis.spill-dir", null);
        return (spill == null ? b : b.spillDir(Path.of(spill))).build();
    }

    /** A copy with another URI. */
    public RedisBridgeConfig withUri(String newUri) {
        return new RedisBridgeConfig(newUri, prefix, maxLen, exportPatterns, batchSize, outboxCapacity, spillDir,
                maxDeliveries, claimMinIdle, reclaimInterval, readBlock, dedupWindow, groupStart, commandTimeout,
                backoffMin, backoffMax, types, truststore, truststorePassword);
    }

    /** The URI with any password replaced by {@code ***}, for logs and health. */
    public String redactedUri() {
        return uri.replaceFirst("//([^@/]*):[^@/]*@", "//$1:***@");
    }

    private static String requireText(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return v;
    }

    private static void positive(String field, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + v);
        }
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, got " + d);
        }
    }

    /** Builds a {@link RedisBridgeConfig}; every setter has the default of the matching constant. Not thread-safe. */
    public static final class Builder {
        private String uri;
        private String prefix = DEFAULT_PREFIX;
        private long maxLen = DEFAULT_MAX_LEN;
        private List<String> exportPatterns = List.of(">");
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int outboxCapacity = DEFAULT_OUTBOX_CAPACITY;
        private Path spillDir;
        private int maxDeliveries = DEFAULT_MAX_DELIVERIES;
        private Duration claimMinIdle = DEFAULT_CLAIM_MIN_IDLE;
        private Duration reclaimInterval = DEFAULT_RECLAIM_INTERVAL;
        private Duration readBlock = DEFAULT_READ_BLOCK;
        private int dedupWindow = DEFAULT_DEDUP_WINDOW;
        private String groupStart = "0";
        private Duration commandTimeout = Duration.ofSeconds(5);
        private Duration backoffMin = Duration.ofMillis(50);
        private Duration backoffMax = Duration.ofSeconds(5);
        private TypeRegistry types = TypeRegistry.standard();
        private Path truststore;
        private String truststorePassword;

        private Builder(String uri) {
            this.uri = uri;
        }

        public Builder prefix(String v) {
            prefix = v;
            return this;
        }

        public Builder maxLen(long v) {
            maxLen = v;
            return this;
        }

        public Builder exportPatterns(List<String> v) {
            exportPatterns = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder outboxCapacity(int v) {
            outboxCapacity = v;
            return this;
        }

        public Builder spillDir(Path v) {
            spillDir = v;
            return this;
        }

        public Builder maxDeliveries(int v) {
            maxDeliveries = v;
            return this;
        }

        public Builder claimMinIdle(Duration v) {
            claimMinIdle = v;
            return this;
        }

        public Builder reclaimInterval(Duration v) {
            reclaimInterval = v;
            return this;
        }

        public Builder readBlock(Duration v) {
            readBlock = v;
            return this;
        }

        public Builder dedupWindow(int v) {
            dedupWindow = v;
            return this;
        }

        public Builder groupStart(String v) {
            groupStart = v;
            return this;
        }

        public Builder commandTimeout(Duration v) {
            commandTimeout = v;
            return this;
        }

        public Builder backoff(Duration min, Duration max) {
            backoffMin = min;
            backoffMax = max;
            return this;
        }

        public Builder types(TypeRegistry v) {
            types = v;
            return this;
        }

        /** Trust store for {@code rediss://} with a private CA. */
        public Builder truststore(Path file, String password) {
            truststore = file;
            truststorePassword = password;
            return this;
        }

        public RedisBridgeConfig build() {
            return new RedisBridgeConfig(uri, prefix, maxLen, exportPatterns, batchSize, outboxCapacity, spillDir,
                    maxDeliveries, claimMinIdle, reclaimInterval, readBlock, dedupWindow, groupStart, commandTimeout,
                    backoffMin, backoffMax, types, truststore, truststorePassword);
        }
    }
}
