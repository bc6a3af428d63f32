package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.model.Quote;
import io.nautilus.testkit.PrivateRedis;
import io.nautilus.testkit.TestRedis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis taken away and given back (a private server on its own port, never the shared one). */
class RedisBridgeOutageTest {
    private static final long T = 1_700_000_000_000_000_000L;
    private static final int PER_PUBLISHER = 50_000;

    @TempDir
    Path spillDir;
    private PrivateRedis redis;
    private Node producer;
    private Node consumer;

    @BeforeEach
    void startRedis() {
        redis = TestRedis.startPrivate();
    }

    @AfterEach
    void tearDown() {
        if (producer != null) {
            producer.close();
        }
        if (consumer != null) {
            consumer.close();
        }
        redis.close();
    }

    @Test
    void test_outage_redisStoppedFor5sMidStream_everyMessageOnceInOrder() throws Exception {
        String uri = redis.uri().toString();
        String prefix = Node.prefix();
        consumer = new Node(Node.config(uri, prefix).build());
        var last = new ConcurrentHashMap<String, Long>();
        var received = new AtomicLong();
        var violations = new CopyOnWriteArrayList<String>();
        consumer.engine("features").subscribe("md.>", Quote.class, (q, m) -> {
            long seq = (long) q.bidSize();
            long prev = last.getOrDefault(q.symbol(), -1L);
            if (seq != prev + 1) {
                violations.add(q.symbol() + " got " + seq + " after " + prev);
            }
            last.put(q.symbol(), seq);
            received.incrementAndGet();
        });
        consumer.bridge.importFor("features");
        // a small memory outbox, so that the outage also goes through the spill file
        producer = new Node(Node.config(uri, prefix).outboxCapacity(10_000).spillDir(spillDir).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.bridge.connected() && producer.bridge.connected());

        var published = new AtomicLong();
        List<Thread> publishers = List.of(publisher("PUBA", published), publisher("PUBB", published));
        publishers.forEach(Thread::start);
        await().atMost(Duration.ofSeconds(30)).until(() -> published.get() >= 40_000);
        redis.stop();
        long stoppedAt = published.get();
        await().atMost(Duration.ofSeconds(3)).until(() -> !producer.bridge.connected() && !consumer.bridge.connected());
        assertThat(String.join("; ", producer.bridge.problems())).contains("link down");
        Thread.sleep(5_000);
        assertThat(producer.bridge.stats().outboxDepth()).isPositive(); // publishing went on locally meanwhile
        redis.start();
        for (Thread t : publishers) {
            t.join();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> received.get() >= 2L * PER_PUBLISHER);
        Thread.sleep(1_000); // anything delivered twice would arrive now
        assertThat(received.get()).isEqualTo(2L * PER_PUBLISHER);
        assertThat(violations).isEmpty();
        assertThat(last).isEqualTo(Map.of("PUBA", PER_PUBLISHER - 1L, "PUBB", PER_PUBLISHER - 1L));
        RedisBridge.Stats ps = producer.bridge.stats();
        assertThat(stoppedAt).isLessThan(2L * PER_PUBLISHER);
        assertThat(ps.spilled()).isPositive();
        assertThat(ps.retries()).isPositive();
        assertThat(ps.dropped()).isZero();
        assertThat(ps.outboxDepth()).isZero();
        assertThat(producer.bridge.connected()).isTrue();
    }

    /** Publishes PER_PUBLISHER quotes (symbol = publisher, bid size = sequence) at about 5000 per second. */
    private Thread publisher(String name, AtomicLong published) {
        MessageBus bus = producer.engine("md-" + name.toLowerCase());
        return Thread.ofPlatform().name("publisher-" + name).unstarted(() -> {
            for (int i = 0; i < PER_PUBLISHER; i++) {
                bus.publish("md.quote." + name, new Quote(name, 100, 100.5, i, 1, T + i));
                published.incrementAndGet();
                if (i % 50 == 49) {
                    LockSupport.parkNanos(10_000_000);
                }
            }
        });
    }
}
