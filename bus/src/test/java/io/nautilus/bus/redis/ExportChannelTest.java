package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import io.nautilus.testkit.TestRedis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The export connection's batch write against the shared real Redis: appended in order, or a refused write reported. */
class ExportChannelTest {
    private final String prefix = Node.prefix();

    private static List<Outbox.Outgoing> entries(String key, int n) {
        var batch = new ArrayList<Outbox.Outgoing>();
        for (int i = 0; i < n; i++) {
            batch.add(new Outbox.Outgoing(key, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return batch;
    }

    @Test
    void test_send_appendsTheBatchInOrderAndSettles() throws InterruptedException {
        try (var link = new RedisLink(Node.config(TestRedis.url(), prefix).build())) {
            StatefulRedisConnection<byte[], byte[]> conn = link.connectBinary();
            conn.setAutoFlushCommands(false);
            var channel = new ExportChannel(conn);
            assertThat(channel.isDirect()).isTrue();
            var pipeline = new XAddPipeline(1_000, "e");
            pipeline.send(channel, entries(prefix + ":md", 100), 0);
            assertThat(pipeline.await(5_000_000_000L)).isTrue();
            for (int i = 0; i < pipeline.size(); i++) {
                assertThat(pipeline.outcome(i)).isNull();
            }
            try (var c = link.connect()) {
                var read = c.sync().xrange(prefix + ":md", io.lettuce.core.Range.create("-", "+"));
                assertThat(read).hasSize(100);
                for (int i = 0; i < 100; i++) {
                    assertThat(new String(read.get(i).getBody().get("e"), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + i + "}");
                }
            }
            RedisLink.closeQuietly(conn);
        } finally {
            Node.deleteAll(TestRedis.url(), prefix);
        }
    }

    @Test
    void test_send_onAClosedConnectionSettlesWithTheWriteFailure() throws InterruptedException {
        try (var link = new RedisLink(Node.config(TestRedis.url(), prefix).build())) {
            StatefulRedisConnection<byte[], byte[]> conn = link.connectBinary();
            conn.setAutoFlushCommands(false);
            var channel = new ExportChannel(conn);
            conn.close(); // the channel the exporter holds is closed under it
            var pipeline = new XAddPipeline(1_000, "e");
            pipeline.send(channel, entries(prefix + ":md", 3), 0);
            assertThat(pipeline.await(5_000_000_000L)).isTrue();
            assertThat(pipeline.outcome(0)).isNotNull().isNotInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(RedisExporter.refusedForGood(pipeline.outcome(0))).isFalse(); // sent again, from the first entry
        } finally {
            Node.deleteAll(TestRedis.url(), prefix);
        }
    }
}
