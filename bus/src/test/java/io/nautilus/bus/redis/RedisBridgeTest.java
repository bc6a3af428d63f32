package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskBreach;
import io.nautilus.core.model.Severity;
import io.nautilus.core.model.Trade;
import io.nautilus.testkit.TestRedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge against the shared real Redis: round trip, ordering, priority, replicas, request/reply, bad input. */
class RedisBridgeTest {
    private static final long T = 1_700_000_000_000_000_000L;
    private final String uri = TestRedis.url();
    private final String prefix = Node.prefix();
    private final List<Node> nodes = new ArrayList<>();
    private static final RedisClient CLIENT = RedisClient.create(TestRedis.url());

    @AfterAll
    static void shutdown() {
        CLIENT.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }

    private Node node() {
        return node(Node.config(uri, prefix).build());
    }

    private Node node(RedisBridgeConfig config) {
        Node n = new Node(config);
        nodes.add(n);
        return n;
    }

    @AfterEach
    void tearDown() {
        nodes.forEach(Node::close);
        Node.deleteAll(uri, prefix);
    }

    private static Quote quote(String symbol, int seq) {
        return new Quote(symbol, 100, 100.5, seq, 1, T + seq);
    }

    @Test
    void test_importFor_roundTripKeepsPayloadsAndOrder() {
        Node consumer = node();
        var got = new CopyOnWriteArrayList<Object>();
        var topics = new CopyOnWriteArrayList<String>();
        consumer.engine("features").subscribe("md.>", Object.class, (p, m) -> {
            got.add(p);
            topics.add(m.topic() + "/" + m.source() + "/" + m.priority());
        });
        consumer.bridge.importFor("features");
        Node producer = node();
        var sent = new ArrayList<Object>();
        for (int i = 0; i < 2_000; i++) {
            Object p = i % 3 == 0 ? new Trade("AAPL", 100 + i * 0.01, 5, T + i) : quote("AAPL", i);
            sent.add(p);
            producer.engine("marketdata").publish(p instanceof Trade ? "md.trade.AAPL" : "md.quote.AAPL", p);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> got.size() >= 2_000);
        assertThat(got).containsExactlyElementsOf(sent); // equal records, same order
        assertThat(topics.get(1)).isEqualTo("md.quote.AAPL/marketdata/NORMAL");
        assertThat(consumer.bridge.stats().imported()).isEqualTo(2_000);
        assertThat(consumer.bridge.stats().duplicates()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(prefix + ":md", "features") == 0);
    }

    @Test
    void test_importFor_ownMessagesAreNotDeliveredTwice() {
        Node both = node();
        var got = new CopyOnWriteArrayList<Object>();
        both.engine("features").subscribe("md.quote.>", Quote.class, (q, m) -> got.add(q));
        both.bridge.importFor("features");
        both.engine("marketdata").publish("md.quote.AAPL", quote("AAPL", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> both.bridge.stats().exported() == 1);
        // the entry comes back through the consumer group; the importer acknowledges it without delivering it
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(prefix + ":md", "features") == 0
                && groupEntriesRead(prefix + ":md", "features") == 1);
        assertThat(got).containsExactly(quote("AAPL", 1));
    }

    @Test
    void test_importFor_criticalOvertakesQueuedNormal() {
        Node consumer = node();
        var order = new CopyOnWriteArrayList<String>();
        consumer.engine("risk").subscribe("md.>", Quote.class, (q, m) -> {
            order.add("q");
            TimeUnit.MICROSECONDS.sleep(200); // a slow handler, so that quotes queue up in its ring
        });
        consumer.engine("risk").subscribe("risk.breach.>", RiskBreach.class, (b, m) -> order.add("breach"));
        consumer.bridge.importFor("risk");
        Node producer = node();
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.bridge.connected() && producer.bridge.connected());
        for (int i = 0; i < 3_000; i++) {
            producer.engine("marketdata").publish("md.quote.AAPL", quote("AAPL", i));
        }
        producer.engine("riskcalc").publish("risk.breach.P1", new RiskBreach("b1", "P1", "l1", "var", Severity.CRITICAL,
                0.05, 0.04, 125, false, T), Priority.CRITICAL);
        await().atMost(Duration.ofSeconds(30)).until(() -> order.size() == 3_001);
        // 3000 quotes at >= 0.2 ms each take >= 0.6 s to handle; the breach, published last, must not wait for them
        assertThat(order.indexOf("breach")).isLessThan(2_900);
    }

    @Test
    void test_importFor_twoReplicasSplitTheLoadWithoutDuplicates() {
        var seenA = new CopyOnWriteArrayList<Double>();
        var seenB = new CopyOnWriteArrayList<Double>();
        Node a = node();
        Node b = node();
        a.engine("features").subscribe("md.>", Quote.class, (q, m) -> {
            seenA.add(q.bidSize());
            TimeUnit.MICROSECONDS.sleep(50);
        });
        b.engine("features").subscribe("md.>", Quote.class, (q, m) -> {
            seenB.add(q.bidSize());
            TimeUnit.MICROSECONDS.sleep(50);
        });
        a.bridge.importFor("features");
        b.bridge.importFor("features");
        Node producer = node();
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            producer.engine("marketdata").publish("md.quote.MSFT", quote("MSFT", i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seenA.size() + seenB.size() >= n);
        Set<Double> union = new HashSet<>(seenA);
        union.addAll(seenB);
        Set<Double> both = new HashSet<>(seenA);
        both.retainAll(seenB);
        assertThat(union).hasSize(n);
        assertThat(both).isEmpty();
        assertThat(seenA.size() + seenB.size()).isEqualTo(n);
        assertThat(seenA).isNotEmpty();
        assertThat(seenB).isNotEmpty();
    }

    @Test
    void test_request_repliesCrossProcessesToTheAskingReplica() throws Exception {
        Node responder = node();
        responder.engine("marketdata").respond(BarHistoryRequest.TOPIC, BarHistoryRequest.class, r -> new BarHistory(
                r.symbol(), r.interval(), List.of(new Bar(r.symbol(), r.interval(), T, T + 60_000_000_000L, 10, 11, 9, 10.5,
                        r.limit(), 10.2, 3))));
        responder.bridge.importFor("marketdata");
        Node asker1 = node();
        Node asker2 = node(); // a replica of the same engine asking at the same time
        await().atMost(Duration.ofSeconds(5)).until(() -> responder.bridge.connected() && asker1.bridge.connected()
                && asker2.bridge.connected() && pendingOf(prefix + ":md", "marketdata") == 0);
        var f1 = asker1.engine("risk").request(BarHistoryRequest.TOPIC, new BarHistoryRequest("AAPL", "1m", 0, Long.MAX_VALUE, 7),
                BarHistory.class, Duration.ofSeconds(10));
        var f2 = asker2.engine("risk").request(BarHistoryRequest.TOPIC, new BarHistoryRequest("MSFT", "1m", 0, Long.MAX_VALUE, 9),
                BarHistory.class, Duration.ofSeconds(10));
        BarHistory h1 = f1.get(15, TimeUnit.SECONDS);
        BarHistory h2 = f2.get(15, TimeUnit.SECONDS);
        assertThat(h1.symbol()).isEqualTo("AAPL");
        assertThat(h1.bars().getFirst().volume()).isEqualTo(7.0);
        assertThat(h2.symbol()).isEqualTo("MSFT");
        assertThat(h2.bars().getFirst().volume()).isEqualTo(9.0);
        assertThat(asker1.bridge.stats().replies()).isEqualTo(1);
        assertThat(asker2.bridge.stats().replies()).isEqualTo(1);
    }

    @Test
    void test_importFor_malformedEntriesGoToDeadLetterStream() {
        Node consumer = node();
        var got = new CopyOnWriteArrayList<Quote>();
        consumer.engine("features").subscribe("md.>", Quote.class, (q, m) -> got.add(q));
        consumer.bridge.importFor("features");
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.bridge.connected() && streamExists(prefix + ":md"));
        String ok = "{\"v\":1,\"id\":1,\"origin\":\"outsider\",\"topic\":\"md.quote.AAPL\",\"type\":\"quote\","
                + "\"priority\":\"NORMAL\",\"source\":\"x\",\"ts\":1,\"payload\":{\"symbol\":\"AAPL\",\"bid\":1.0,"
                + "\"ask\":1.5,\"bid_size\":1.0,\"ask_size\":1.0,\"ts_nanos\":1}}";
        List<Map<String, String>> bad = List.of(
                Map.of("e", "{not json"),
                Map.of("e", ok.replace("\"quote\"", "\"gizmo\"")),
                Map.of("e", ok.replace("\"bid\":1.0", "\"bid\":2.0")),
                Map.of("e", ok.replace("\"v\":1", "\"v\":9")),
                Map.of("payload", "hello"));
        try (var c = redis()) {
            for (Map<String, String> entry : bad) {
                c.sync().xadd(prefix + ":md", entry);
            }
            c.sync().xadd(prefix + ":md", Map.of("e", ok));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
        assertThat(got.getFirst()).isEqualTo(new Quote("AAPL", 1.0, 1.5, 1, 1, 1));
        List<StreamMessage<String, String>> dlq;
        try (var c = redis()) {
            dlq = c.sync().xrange(prefix + ":dlq", io.lettuce.core.Range.create("-", "+"));
        }
        assertThat(dlq).hasSize(5);
        assertThat(dlq).allSatisfy(m -> {
            assertThat(m.getBody().get("stream")).isEqualTo(prefix + ":md");
            assertThat(m.getBody().get("group")).isEqualTo("features");
        });
        assertThat(dlq.stream().map(m -> m.getBody().get("reason")).toList()).satisfiesExactly(
                r -> assertThat(r).startsWith("malformed envelope: not JSON"),
                r -> assertThat(r).isEqualTo("unknown payload type 'gizmo' (not in the TypeRegistry of this build)"),
                r -> assertThat(r).isEqualTo("invalid quote payload: crossed quote: bid 2.0 > ask 1.5"),
                r -> assertThat(r).startsWith("unsupported envelope version 9"),
                r -> assertThat(r).isEqualTo("malformed envelope: no field 'e' (entry fields [payload])"));
        assertThat(dlq.get(4).getBody().get("entry.payload")).isEqualTo("hello");
        assertThat(consumer.bridge.stats().deadLetters()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingOf(prefix + ":md", "features") == 0);
    }

    @Test
    void test_export_entryRefusedByRedisIsCountedAndTheRestOfItsBatchIsAppended() {
        try (var c = redis()) {
            c.sync().set(prefix + ":risk", "not a stream"); // XADD to it fails with WRONGTYPE
        }
        Node producer = node();
        await().atMost(Duration.ofSeconds(5)).until(producer.bridge::connected);
        var pub = producer.engine("marketdata");
        for (int i = 0; i < 100; i++) {
            if (i == 50) {
                pub.publish("risk.breach", new RiskBreach("b-1", "P1", "l-1", "var", Severity.CRITICAL, 0.05, 0.04, 125, false, T));
            }
            pub.publish("md.quote.AAPL", quote("AAPL", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.bridge.stats().exported() == 100);
        assertThat(producer.bridge.stats().unexportable()).isEqualTo(1);
        assertThat(producer.bridge.stats().retries()).isZero();
        try (var c = redis()) {
            List<StreamMessage<String, String>> md = c.sync().xrange(prefix + ":md", io.lettuce.core.Range.create("-", "+"));
            assertThat(md).hasSize(100);
            assertThat(md.get(99).getBody().get("e")).contains("\"bid_size\":99.0");
            assertThat(c.sync().get(prefix + ":risk")).isEqualTo("not a stream");
        }
    }

    @Test
    void test_export_batchesAreOneChannelWriteEachAndKeepPublishOrder() {
        Node producer = node(Node.config(uri, prefix).batchSize(64).build());
        await().atMost(Duration.ofSeconds(5)).until(producer.bridge::connected);
        // the fast path of this Lettuce version: a Lettuce upgrade that loses it must be noticed here
        assertThat(producer.bridge.exporter().directWrites()).isTrue();
        var pub = producer.engine("marketdata");
        for (int i = 0; i < 1_000; i++) {
            pub.publish(i % 2 == 0 ? "md.quote.AAPL" : "risk.quote.AAPL", quote("AAPL", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.bridge.stats().exported() == 1_000);
        try (var c = redis()) {
            List<StreamMessage<String, String>> md = c.sync().xrange(prefix + ":md", io.lettuce.core.Range.create("-", "+"));
            List<StreamMessage<String, String>> risk = c.sync().xrange(prefix + ":risk", io.lettuce.core.Range.create("-", "+"));
            assertThat(md).hasSize(500);
            assertThat(risk).hasSize(500);
            for (int k = 0; k < 500; k++) {
                assertThat(md.get(k).getBody().get("e")).contains("\"bid_size\":" + (2 * k) + ".0");
                assertThat(risk.get(k).getBody().get("e")).contains("\"bid_size\":" + (2 * k + 1) + ".0");
            }
        }
        assertThat(producer.bridge.stats().retries()).isZero();
    }

    private StatefulRedisConnection<String, String> redis() {
        return CLIENT.connect();
    }

    private long pendingOf(String stream, String group) {
        try (var c = redis()) {
            return c.sync().xpending(stream, group).getCount();
        }
    }

    private long groupEntriesRead(String stream, String group) {
        try (var c = redis()) {
            for (Object g : c.sync().xinfoGroups(stream)) {
                @SuppressWarnings("unchecked")
                List<Object> fields = (List<Object>) g;
                if (group.equals(fields.get(1))) {
                    return (Long) fields.get(fields.indexOf("entries-read") + 1);
                }
            }
            return -1;
        }
    }

    private boolean streamExists(String key) {
        try (var c = redis()) {
            return c.sync().exists(key) == 1;
        }
    }
}
