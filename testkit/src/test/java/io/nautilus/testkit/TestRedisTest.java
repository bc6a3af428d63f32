package io.nautilus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TestRedisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void test_uri_answersPingAndKeepsAValue() throws IOException {
        URI uri = TestRedis.uri();
        String key = "testkit:" + UUID.randomUUID();

        assertThat(uri.getScheme()).isEqualTo("redis");
        assertThat(Resp.call(uri.getHost(), uri.getPort(), TIMEOUT, "PING")).isEqualTo("PONG");
        assertThat(Resp.call(uri.getHost(), uri.getPort(), TIMEOUT, "SET", key, "42.5", "EX", "60")).isEqualTo("OK");
        assertThat(Resp.call(uri.getHost(), uri.getPort(), TIMEOUT, "GET", key)).isEqualTo("42.5");
        assertThat(Resp.call(uri.getHost(), uri.getPort(), TIMEOUT, "DEL", key)).isEqualTo("1");
        assertThat(TestRedis.uri()).as("resolved once per JVM").isSameAs(uri);
    }

    @Test
    void test_resolve_configuredPortClosed_startsOwnServerThatAnswers() throws IOException {
        int closed = Ports.free();

        URI uri = TestRedis.resolve("redis://127.0.0.1:" + closed);

        assertThat(uri.getPort()).isNotEqualTo(closed);
        assertThat(Resp.ping(uri.getHost(), uri.getPort(), TIMEOUT)).isTrue();
        // INFO is a bulk string of "field:value" lines; the server itself reports the port it listens on.
        assertThat(Resp.call(uri.getHost(), uri.getPort(), TIMEOUT, "INFO", "server"))
                .contains("tcp_port:" + uri.getPort() + "\r\n");
        assertThat(TestRedis.resolve("redis://127.0.0.1:" + closed)).as("own server started once").isEqualTo(uri);
    }

    @Test
    void test_resolve_configuredAnswers_usesIt() {
        try (PrivateRedis redis = TestRedis.startPrivate()) {
            assertThat(TestRedis.resolve(redis.uri().toString())).isEqualTo(redis.uri());
        }
    }

    @Test
    void test_configuredUrl_propertyWinsOverDefault() {
        assertThat(TestRedis.configuredUrl()).startsWith("redis://");
        SystemProperties.with(TestRedis.PROPERTY, " redis://10.1.2.3:7000 ",
                () -> assertThat(TestRedis.configuredUrl()).isEqualTo("redis://10.1.2.3:7000"));
    }

    @Test
    void test_parse_portDefaultsTo6379AndOtherSchemesRejected() {
        assertThat(TestRedis.parse("redis://example.org").getPort()).isEqualTo(6379);
        assertThatThrownBy(() -> TestRedis.parse("http://127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TestRedis.PROPERTY);
    }
}
