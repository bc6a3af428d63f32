package io.nautilus.bus.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.time.Clock;

import java.time.Duration;
import java.util.UUID;

/** Test support: one "process" (a LocalBus with its bridge), and helpers on a Redis. */
final class Node implements AutoCloseable {
    final LocalBus bus = LocalBus.create();
    final RedisBridge bridge;

    Node(RedisBridgeConfig config) {
        this.bridge = RedisBridge.start(bus, config, Clock.system());
    }

    MessageBus engine(String name) {
        return bus.forEngine(name);
    }

    @Override
    public void close() {
        bridge.stopImport();
        bus.close();
        bridge.close();
    }

    /** A fresh key prefix, so that tests never see each other's streams on the shared Redis. */
    static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Settings fit for tests: fast reclaim, short backoff. */
    static RedisBridgeConfig.Builder config(String uri, String prefix) {
        return RedisBridgeConfig.custom(uri).prefix(prefix).claimMinIdle(Duration.ofSeconds(2))
                .reclaimInterval(Duration.ofMillis(500)).backoff(Duration.ofMillis(20), Duration.ofMillis(500));
    }

    /** Deletes every key under a prefix. */
    static void deleteAll(String uri, String prefix) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanIterator.scan(c.sync(), ScanArgs.Builder.matches(prefix + ":*")).forEachRemaining(k -> c.sync().del(k));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
