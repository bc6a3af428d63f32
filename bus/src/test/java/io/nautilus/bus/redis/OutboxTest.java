package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.bus.Envelope;
import io.nautilus.core.bus.Priority;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    private static Envelope env(long id) {
        return new Envelope(id, "n", "md.quote.X", Priority.NORMAL, "p", id, "m" + id, null);
    }

    /** Encodes the id as the body, so that the drained order can be read back. */
    private static Outbox.Outgoing encode(Envelope e) {
        return new Outbox.Outgoing("k:" + e.topic().substring(0, 2), Long.toString(e.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> drainAll(Outbox o) throws InterruptedException {
        var out = new ArrayList<Long>();
        var batch = new ArrayList<Outbox.Outgoing>();
        while (!o.isEmpty()) {
            batch.clear();
            o.drain(batch, 7, 0);
            for (Outbox.Outgoing g : batch) {
                assertThat(g.key()).isEqualTo("k:md");
                out.add(Long.parseLong(new String(g.body(), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    @Test
    void test_offer_dropsWhenFullWithoutSpill() throws InterruptedException {
        var o = new Outbox(10, null, OutboxTest::encode);
        for (long i = 1; i <= 25; i++) {
            o.offer(env(i));
        }
        assertThat(o.depth()).isEqualTo(10);
        assertThat(o.dropped()).isEqualTo(15);
        assertThat(drainAll(o)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void test_drain_spillKeepsPublishOrder() throws InterruptedException {
        Path spill = dir.resolve("sub/outbox.spill");
        var o = new Outbox(10, spill, OutboxTest::encode);
        for (long i = 1; i <= 100; i++) {
            o.offer(env(i));
        }
        assertThat(o.depth()).isEqualTo(100);
        assertThat(o.spilled()).isEqualTo(90);
        assertThat(Files.exists(spill)).isTrue();
        var got = new ArrayList<Long>();
        var batch = new ArrayList<Outbox.Outgoing>();
        o.drain(batch, 7, 0);
        batch.forEach(g -> got.add(Long.parseLong(new String(g.body(), StandardCharsets.UTF_8))));
        // while the spill file holds messages, new ones follow them there, even though memory has room again
        for (long i = 101; i <= 120; i++) {
            o.offer(env(i));
        }
        got.addAll(drainAll(o));
        var expected = new ArrayList<Long>();
        for (long i = 1; i <= 120; i++) {
            expected.add(i);
        }
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(o.dropped()).isZero();
        assertThat(Files.exists(spill)).isFalse(); // deleted once drained
        o.offer(env(121)); // and back to memory
        assertThat(o.spilled()).isEqualTo(110);
        assertThat(drainAll(o)).containsExactly(121L);
        o.close();
    }
}
