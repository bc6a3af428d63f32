package io.nautilus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class PrivateRedisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void test_stopStart_samePortSameData() throws IOException {
        try (PrivateRedis redis = TestRedis.startPrivate()) {
            int port = redis.port();
            assertThat(port).isNotEqualTo(TestRedis.port());
            assertThat(call(redis, "RPUSH", "fills", "a", "b", "c")).isEqualTo("3");

            redis.stop();
            assertThat(redis.isRunning()).isFalse();
            assertThat(Resp.ping("127.0.0.1", port, TIMEOUT)).isFalse();
            assertThat(Ports.accepts("127.0.0.1", port, TIMEOUT)).isFalse();

            redis.start();
            assertThat(redis.isRunning()).isTrue();
            assertThat(redis.port()).isEqualTo(port);
            assertThat(Resp.ping("127.0.0.1", port, TIMEOUT)).isTrue();
            // the append-only file in the same data directory brought the list back
            assertThat(call(redis, "LLEN", "fills")).isEqualTo("3");
            assertThat(call(redis, "LINDEX", "fills", "2")).isEqualTo("c");
        }
    }

    @Test
    void test_kill_thenStart_keepsFsyncedWrites() throws IOException {
        try (PrivateRedis redis = TestRedis.startPrivate()) {
            assertThat(call(redis, "SET", "position", "-150")).isEqualTo("OK");

            redis.kill();
            assertThat(redis.isRunning()).isFalse();
            redis.start();

            assertThat(call(redis, "GET", "position")).isEqualTo("-150");
        }
    }

    @Test
    void test_startPrivate_shippedBinary_isRedis62() throws IOException {
        // embedded-redis 1.4.3 ships redis-server-6.2.6-v5-linux-amd64, which reports 6.2.11 (BUILD.md); the machine has 7.x.
        try (PrivateRedis redis = TestRedis.startPrivate(RedisBinary.shipped())) {
            assertThat(Resp.ping("127.0.0.1", redis.port(), TIMEOUT)).isTrue();
            assertThat(call(redis, "INFO", "server")).contains("redis_version:6.2.");
        }
    }

    @Test
    void test_close_deletesDataAndForbidsRestart() {
        PrivateRedis redis = TestRedis.startPrivate();
        redis.close();

        assertThat(redis.dataDir()).doesNotExist();
        assertThat(Resp.ping("127.0.0.1", redis.port(), TIMEOUT)).isFalse();
        assertThatThrownBy(redis::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static String call(PrivateRedis redis, String... command) throws IOException {
        return Resp.call("127.0.0.1", redis.port(), TIMEOUT, command);
    }
}
