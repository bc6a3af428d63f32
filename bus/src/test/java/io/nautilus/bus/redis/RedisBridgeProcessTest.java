package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nautilus.core.model.Quote;
import io.nautilus.testkit.TestRedis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Engines in separate JVMs ({@link RedisNodeMain} started with {@code java -cp <test classpath>}: the build has
 * no real engines yet, so small test engines stand in) connected through the shared Redis.
 */
class RedisBridgeProcessTest {
    private static final long T = 1_700_000_000_000_000_000L;
    private final String uri = TestRedis.url();
    private final String prefix = Node.prefix();
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        Node.deleteAll(uri, prefix);
    }

    private <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    private static Set<Long> numbers(NodeProcess p, String tag) {
        return p.lines.stream().filter(l -> l.startsWith(tag + " ")).map(l -> Long.parseLong(l.split(" ")[1]))
                .collect(Collectors.toSet());
    }

    @Test
    void test_kill9_survivorReclaimsPendingAndNothingIsLost() throws Exception {
        int n = 2_000;
        NodeProcess victim = track(NodeProcess.start("slow", uri, prefix, "2000")); // 2 ms per message
        victim.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(60));
        Node producer = track(new Node(Node.config(uri, prefix).build()));
        for (int i = 0; i < n; i++) {
            producer.engine("marketdata").publish("md.quote.AAPL", new Quote("AAPL", 100, 100.5, i, 1, T + i));
        }
        victim.awaitLine(l -> l.equals("H 200"), Duration.ofSeconds(30));
        victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, no acknowledgement, entries stay pending
        assertThat(victim.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // the last lines the victim printed
        Set<Long> byVictim = numbers(victim, "H");
        assertThat(byVictim.size()).isBetween(201, n - 1);
        Set<Long> pendingAtDeath = pendingSequences(prefix + ":md", "features");

        var bySurvivor = ConcurrentHashMap.<Long>newKeySet();
        Node survivor = track(new Node(Node.config(uri, prefix).build()));
        survivor.engine("features").subscribe("md.>", Quote.class, (q, m) -> bySurvivor.add((long) q.bidSize()));
        survivor.bridge.importFor("features");

        Set<Long> all = LongStream.range(0, n).boxed().collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var union = new HashSet<>(byVictim);
            union.addAll(bySurvivor);
            return union.equals(all);
        });
        // every entry the victim held but had not finished was taken over after claimMinIdle (2 s)
        assertThat(survivor.bridge.stats().reclaimed()).isGreaterThanOrEqualTo(n - byVictim.size());
        var twice = new HashSet<>(byVictim);
        twice.retainAll(bySurvivor);
        // only what the victim had handled but not yet acknowledged when it died is handled again: an acknowledged
        // entry never comes back; and that is a few ms of its work, far from everything it had read
        assertThat(pendingAtDeath).containsAll(twice);
        assertThat(twice.size()).isLessThan(n / 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> survivor.bridge.stats().pending() == 0);
    }

    /** Sequence numbers (bid sizes) of the entries pending in a group, read with XPENDING and XRANGE. */
    private Set<Long> pendingSequences(String stream, String group) throws Exception {
        var client = io.lettuce.core.RedisClient.create(uri);
        try (var c = client.connect(RedisLink.CODEC)) {
            var ids = c.sync().xpending(stream, group, io.lettuce.core.Range.create("-", "+"),
                    io.lettuce.core.Limit.from(10_000)).stream().map(p -> p.getId()).collect(Collectors.toSet());
            var seqs = new HashSet<Long>();
            for (var m : c.sync().xrange(stream, io.lettuce.core.Range.create("-", "+"))) {
                if (ids.contains(m.getId())) {
                    var q = (Quote) io.nautilus.bus.codec.EnvelopeCodec.standard().decode(m.getBody().get("e")).payload();
                    seqs.add((long) q.bidSize());
                }
            }
            return seqs;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Test
    void test_threeEngineJvms_messagesCrossThemAndRequestsGetReplies() throws Exception {
        int n = 2_000;
        NodeProcess ticker = track(NodeProcess.start("ticker", uri, prefix, Integer.toString(n)));
        NodeProcess midpoint = track(NodeProcess.start("midpoint", uri, prefix));
        NodeProcess counter = track(NodeProcess.start("counter", uri, prefix));
        for (NodeProcess p : List.of(ticker, midpoint, counter)) {
            p.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(60));
        }
        ticker.process.getOutputStream().write("GO\n".getBytes(StandardCharsets.UTF_8));
        ticker.process.getOutputStream().flush();
        // quotes: ticker JVM -> Redis -> midpoint JVM; feature vectors: midpoint JVM -> Redis -> counter JVM
        await().atMost(Duration.ofSeconds(60)).until(() -> counter.count(l -> l.startsWith("F ")) >= n);
        counter.awaitLine(l -> l.startsWith("REPLY"), Duration.ofSeconds(30));
        Thread.sleep(500);
        assertThat(counter.count(l -> l.startsWith("F "))).isEqualTo(n);
        assertThat(numbers(counter, "F")).isEqualTo(LongStream.range(0, n).boxed().collect(Collectors.toSet()));
        assertThat(counter.lines.stream().filter(l -> l.startsWith("F ")).map(l -> l.split(" ")[2]).distinct().toList())
                .containsExactly("features");
        // a request from the counter JVM answered by the ticker JVM, the reply routed back through its reply stream
        assertThat(counter.lines).contains("REPLY AAPL");
        ticker.awaitLine(l -> l.equals("SENT " + n), Duration.ofSeconds(5));
    }
}
