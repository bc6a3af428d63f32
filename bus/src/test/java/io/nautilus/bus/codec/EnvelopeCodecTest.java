package io.nautilus.bus.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nautilus.bus.Envelope;
import io.nautilus.core.bus.DeadLetter;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Reply;
import io.nautilus.core.model.Bar;
import io.nautilus.core.model.BarHistory;
import io.nautilus.core.model.BarHistoryRequest;
import io.nautilus.core.model.FeatureVector;
import io.nautilus.core.model.Fill;
import io.nautilus.core.model.MarketDataAlert;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.PnlUpdate;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PortfolioStateRequest;
import io.nautilus.core.model.PortfolioStates;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.core.model.Prediction;
import io.nautilus.core.model.Quote;
import io.nautilus.core.model.RiskBreach;
import io.nautilus.core.model.RiskDecision;
import io.nautilus.core.model.Severity;
import io.nautilus.core.model.Side;
import io.nautilus.core.model.Signal;
import io.nautilus.core.model.Trade;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvelopeCodecTest {
    private static final long T = 1_700_000_000_000_000_000L;
    private static final EnvelopeCodec CODEC = EnvelopeCodec.standard();
    private static final Quote QUOTE = new Quote("AAPL", 189.5, 189.52, 300, 200, T);
    private static final OrderIntent MARKET = new OrderIntent("o-1", "P1", "mom", "AAPL", Side.BUY, 10, OrderType.MARKET,
            0, false, T);

    /** The version 1 wire format of a quote, written by hand from the class javadoc (pins the format). */
    private static final String QUOTE_V1 = "{\"v\":1,\"id\":42,\"origin\":\"3f2a9c1b\",\"topic\":\"md.quote.AAPL\","
            + "\"type\":\"quote\",\"priority\":\"NORMAL\",\"source\":\"marketdata\",\"ts\":1700000000000000000,"
            + "\"payload\":{\"symbol\":\"AAPL\",\"bid\":189.5,\"ask\":189.52,\"bid_size\":300.0,\"ask_size\":200.0,"
            + "\"ts_nanos\":1700000000000000000}}";

    private static Envelope env(Object payload) {
        return new Envelope(42, "3f2a9c1b", "x.y", Priority.HIGH, "test", T, payload, "_reply.3f2a9c1b.risk.7");
    }

    private static Stream<Object> everyStandardPayload() {
        Bar bar = new Bar("AAPL", "1m", T, T + 60_000_000_000L, 10, 11, 9.5, 10.5, 1000, 10.2, 12);
        OrderIntent limit = new OrderIntent("o-2", "P1", "mom", "MSFT", Side.SELL, 5, OrderType.LIMIT, 410.25, true, T);
        var values = new LinkedHashMap<String, Double>();
        values.put("rsi_14", 55.5);
        values.put("sma_20", 101.25);
        return Stream.of(QUOTE, new Trade("AAPL", 189.51, 100, T), bar,
                new BarHistory("AAPL", "1m", List.of(bar, bar)), new BarHistoryRequest("AAPL", "1m", 0, Long.MAX_VALUE, 50),
                new MarketDataAlert("AAPL", MarketDataAlert.Kind.GAP, "csv", "gap of 3 bars", T),
                new FeatureVector("AAPL", "1m", T, values), new Prediction("garch-vol@3", "AAPL", "volatility", 0.21, 0.9, 5, T),
                new Signal("mom", "AAPL", -0.4, "crossover", T), MARKET, limit,
                new RiskDecision(limit, false, List.of("var limit"), T),
                new Fill("f-1", "o-2", "P1", "MSFT", Side.SELL, 5, 410.3, 1.25, T),
                new PositionUpdate("P1", "MSFT", -5, 410.3, 0, 410.3, T), new PnlUpdate("P1", 12.5, -3.25, 1.25, 100_008, T),
                new RiskBreach("b-1", "P1", "l-1", "var", Severity.CRITICAL, 0.05, 0.04, 125, false, T),
                new PortfolioState("P1", 100_000, 97_948.5, 1.25, List.of(new PositionUpdate("P1", "MSFT", 5, 410.3, 0, 411, T)), T),
                PortfolioStateRequest.all(), new PortfolioStateRequest("P1"),
                new PortfolioStates(List.of(new PortfolioState("P1", 100_000, 100_000, 0, List.of(), T)), T),
                new Reply(new BarHistory("AAPL", "1m", List.of(bar)), null), new Reply(null, "IllegalArgumentException: no"),
                new DeadLetter("risk", "order.intent", OrderIntent.class.getName(), MARKET, "boom", T),
                new DeadLetter("risk", "x", "com.acme.Private", null, "boom", T),
                "text", 7L, 3, 2.5, true);
    }

    @ParameterizedTest
    @MethodSource("everyStandardPayload")
    void test_decode_roundTripsEveryStandardPayload(Object payload) throws CodecException {
        Envelope in = env(payload);
        Envelope out = CODEC.decode(CODEC.encode(in));
        assertThat(out).isEqualTo(in);
    }

    @Test
    void test_encode_writesVersion1Layout() throws CodecException {
        var e = new Envelope(42, "3f2a9c1b", "md.quote.AAPL", Priority.NORMAL, "marketdata", T, QUOTE, null);
        assertThat(new String(CODEC.encode(e), StandardCharsets.UTF_8)).isEqualTo(QUOTE_V1);
        assertThat(CODEC.decode(QUOTE_V1.getBytes(StandardCharsets.UTF_8))).isEqualTo(e);
    }

    @Test
    void test_encode_keepsNaNLimitPriceOfMarketOrder() throws CodecException {
        String json = new String(CODEC.encode(env(MARKET)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"limit_price\":\"NaN\"");
        assertThat(((OrderIntent) CODEC.decode(json.getBytes(StandardCharsets.UTF_8)).payload()).limitPrice()).isNaN();
    }

    @Test
    void test_encode_rejectsUnregisteredPayloadAndReplyValue() {
        record Private(int x) {
        }
        assertThatThrownBy(() -> CODEC.encode(env(new Private(1)))).isInstanceOf(CodecException.class)
                .hasMessageContaining("is not in the TypeRegistry");
        assertThatThrownBy(() -> CODEC.encode(env(new Reply(new Private(1), null)))).isInstanceOf(CodecException.class)
                .hasMessageContaining("Private");
    }

    @Test
    void test_writer_writesTheVersion1BytesOfEveryPayloadOneAfterTheOther() throws CodecException {
        EnvelopeCodec.Writer w = CODEC.newWriter();
        var quote = new Envelope(42, "3f2a9c1b", "md.quote.AAPL", Priority.NORMAL, "marketdata", T, QUOTE, null);
        assertThat(new String(w.encode(quote), StandardCharsets.UTF_8)).isEqualTo(QUOTE_V1);
        for (Object payload : everyStandardPayload().toList()) {
            Envelope in = env(payload);
            byte[] bytes = w.encode(in);
            assertThat(bytes).isEqualTo(CODEC.encode(in));
            assertThat(CODEC.decode(bytes)).isEqualTo(in);
        }
        assertThat(new String(w.encode(quote), StandardCharsets.UTF_8)).isEqualTo(QUOTE_V1);
    }

    @Test
    void test_writer_recoversFromAPayloadRejectedHalfWayThrough() throws CodecException {
        record Private(int x) {
        }
        EnvelopeCodec.Writer w = CODEC.newWriter();
        // the reply's value is rejected after the envelope's first fields were written
        assertThatThrownBy(() -> w.encode(env(new Reply(new Private(1), null)))).isInstanceOf(CodecException.class)
                .hasMessageContaining("Private");
        var quote = new Envelope(42, "3f2a9c1b", "md.quote.AAPL", Priority.NORMAL, "marketdata", T, QUOTE, null);
        assertThat(new String(w.encode(quote), StandardCharsets.UTF_8)).isEqualTo(QUOTE_V1);
    }

    private static Stream<Object[]> malformedBodies() {
        String ok = QUOTE_V1;
        return Stream.of(
                new Object[]{"not json", "malformed envelope: not JSON"},
                new Object[]{"[1,2]", "malformed envelope: not a JSON object"},
                new Object[]{ok.replace("\"v\":1", "\"v\":2"), "unsupported envelope version 2"},
                new Object[]{ok.replace("\"v\":1,", ""), "field 'v' must be an integer"},
                new Object[]{ok.replace("\"id\":42", "\"id\":\"x\""), "field 'id' must be an integer"},
                new Object[]{ok.replace("\"type\":\"quote\"", "\"type\":\"gizmo\""), "unknown payload type 'gizmo'"},
                new Object[]{ok.replace("NORMAL", "URGENT"), "priority must be one of"},
                new Object[]{ok.replace("md.quote.AAPL", "md..AAPL"), "field 'topic'"},
                new Object[]{ok.replace("\"bid\":189.5", "\"bid\":190.0"), "invalid quote payload: crossed quote"},
                new Object[]{ok.replace(",\"bid\":189.5", ""), "invalid quote payload"},
                new Object[]{ok.substring(0, ok.indexOf(",\"payload\"")) + "}", "missing field 'payload'"},
                new Object[]{ok.replace("\"payload\":{", "\"payload\":null,\"x\":{"), "missing field 'payload'"},
                // a record that fails half-way through its object: the fields after it are still the envelope's
                new Object[]{ok.replace("\"bid\":189.5", "\"bid\":\"x\"") .replace("}}", "},\"v\":1}"), "invalid quote payload"},
                new Object[]{ok.replace("\"bid\":189.5", "\"bid\":\"x\"").replace("\"v\":1", "\"v\":2"), "unsupported envelope version 2"},
                new Object[]{payloadFirst(ok).replace("\"bid\":189.5", "\"bid\":190.0"), "invalid quote payload: crossed quote"},
                new Object[]{ok + " {}", "malformed envelope: not JSON"},
                new Object[]{ok.replace("}}", "}"), "malformed envelope: not JSON"});
    }

    /** The same envelope with its payload before its type, as another writer may order the fields. */
    private static String payloadFirst(String json) {
        int at = json.indexOf(",\"payload\"");
        return "{\"payload\"" + json.substring(at + 10, json.length() - 1) + "," + json.substring(1, at) + "}";
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void test_decode_malformedBodyNamesTheReason(String body, String reason) {
        assertThatThrownBy(() -> CODEC.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CodecException.class).hasMessageContaining(reason);
    }

    @Test
    void test_decode_readsAPayloadThatComesBeforeItsType() throws CodecException {
        String reordered = payloadFirst(QUOTE_V1);
        assertThat(reordered).startsWith("{\"payload\":{\"symbol\"").endsWith("\"ts\":1700000000000000000}");
        assertThat(CODEC.decode(reordered.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(CODEC.decode(QUOTE_V1.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void test_decode_ignoresUnknownFieldsOfALaterWriter() throws CodecException {
        String richer = QUOTE_V1.replace("\"v\":1,", "\"v\":1,\"trace\":\"abc\",");
        assertThat(CODEC.decode(richer.getBytes(StandardCharsets.UTF_8)).payload()).isEqualTo(QUOTE);
    }

    @Test
    void test_types_customRegistryCarriesCustomRecord() throws CodecException {
        record Heartbeat(String node, long seq) {
        }
        var codec = new EnvelopeCodec(TypeRegistry.standard().with("heartbeat", Heartbeat.class));
        Envelope in = env(new Heartbeat("n1", 9));
        assertThat(codec.decode(codec.encode(in))).isEqualTo(in);
        assertThatThrownBy(() -> CODEC.decode(codec.encode(in))).hasMessageContaining("unknown payload type 'heartbeat'");
    }

    @Property(tries = 300)
    void property_quoteRoundTripsExactly(@ForAll @DoubleRange(min = 0.01, max = 1e9) double bid,
                                         @ForAll @DoubleRange(min = 0, max = 1e6) double spread,
                                         @ForAll @DoubleRange(min = 0, max = 1e12) double size,
                                         @ForAll @LongRange(min = 1) long ts, @ForAll @LongRange(min = 0) long id) throws CodecException {
        var q = new Quote("BRK-B", bid, bid + spread, size, size, ts);
        var e = new Envelope(id, "n", "md.quote.BRK-B", Priority.LOW, "marketdata", ts, q, null);
        assertThat(CODEC.decode(CODEC.encode(e))).isEqualTo(e);
    }

    @Test
    void test_writer_writesPlainRecordsWithoutJacksonAndTheRestWithIt() {
        for (Class<?> c : List.of(Quote.class, Trade.class, Bar.class, BarHistoryRequest.class, MarketDataAlert.class,
                Prediction.class, Signal.class, OrderIntent.class, Fill.class, PositionUpdate.class, PnlUpdate.class,
                RiskBreach.class)) {
            assertThat(CODEC.writesDirectly(c)).as(c.getSimpleName()).isTrue();
        }
        for (Class<?> c : List.of(BarHistory.class, FeatureVector.class, RiskDecision.class, Reply.class, DeadLetter.class,
                String.class, Long.class, Double.class)) {
            assertThat(CODEC.writesDirectly(c)).as(c.getSimpleName()).isFalse();
        }
    }

    /** A record of every kind of field the direct writer handles, boxes included (which may be null). */
    public record Plain(String text, double x, Double boxed, long n, Long boxedN, int i, Integer boxedI, boolean flag,
                        Boolean boxedFlag, Side side) {
    }

    private static final EnvelopeCodec PLAIN = new EnvelopeCodec(TypeRegistry.standard().with("plain", Plain.class));

    @Property(tries = 500)
    void property_writerWritesJacksonsBytes(@ForAll String text, @ForAll double x, @ForAll Double boxed, @ForAll long n,
                                            @ForAll Long boxedN, @ForAll int i, @ForAll Integer boxedI, @ForAll boolean flag,
                                            @ForAll Boolean boxedFlag, @ForAll Side side, @ForAll String source) throws CodecException {
        var p = new Plain(text, x, boxed, n, boxedN, i, boxedI, flag, boxedFlag, side);
        var e = new Envelope(n, "3f2a9c1b", "x.y", Priority.CRITICAL, source.isEmpty() ? "s" : source, n, p,
                i % 2 == 0 ? null : "_reply.3f2a9c1b.risk.7");
        assertThat(PLAIN.writesDirectly(Plain.class)).isTrue();
        byte[] jackson = PLAIN.encode(e);
        assertThat(PLAIN.newWriter().encode(e)).isEqualTo(jackson);
        assertThat(PLAIN.decode(jackson)).isEqualTo(e);
    }

    /** Annotations that change Jackson's output: the writer follows them or leaves the type to Jackson. */
    public record Renamed(@com.fasterxml.jackson.annotation.JsonProperty("px") double price, String venue) {
    }

    public record WithExtras(String id) {
        @com.fasterxml.jackson.annotation.JsonAnyGetter
        public Map<String, Object> extras() {
            return Map.of("k", 1);
        }
    }

    public record NonNullOnly(@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String note, long n) {
    }

    @Test
    void test_writer_followsOrLeavesToJacksonTheAnnotatedRecords() throws CodecException {
        var codec = new EnvelopeCodec(TypeRegistry.standard().with("renamed", Renamed.class).with("extras", WithExtras.class)
                .with("non_null", NonNullOnly.class));
        assertThat(codec.writesDirectly(Renamed.class)).isTrue();
        assertThat(codec.writesDirectly(WithExtras.class)).isFalse();
        assertThat(codec.writesDirectly(NonNullOnly.class)).isFalse();
        EnvelopeCodec.Writer w = codec.newWriter();
        for (Object payload : List.of(new Renamed(1.5, "X"), new Renamed(2, null), new WithExtras("a"), new NonNullOnly(null, 3))) {
            Envelope e = env(payload);
            assertThat(new String(w.encode(e), StandardCharsets.UTF_8)).isEqualTo(new String(codec.encode(e), StandardCharsets.UTF_8));
        }
        assertThat(new String(w.encode(env(new Renamed(1.5, "X"))), StandardCharsets.UTF_8)).contains("\"payload\":{\"px\":1.5,\"venue\":\"X\"}");
    }

    @Test
    void test_decode_returnsOneInstancePerRepeatedText() throws CodecException {
        var codec = new EnvelopeCodec(TypeRegistry.standard());
        var in = new Envelope(42, "3f2a9c1b", "md.quote.AAPL", Priority.NORMAL, "marketdata", T, QUOTE, "_reply.3f2a9c1b.risk.7");
        Envelope a = codec.decode(codec.encode(in));
        Envelope b = codec.decode(codec.encode(in));
        assertThat(b).isEqualTo(in);
        assertThat(b.topic()).isSameAs(a.topic());
        assertThat(b.origin()).isSameAs(a.origin());
        assertThat(b.source()).isSameAs(a.source());
        assertThat(b.replyTo()).isSameAs(a.replyTo());
        var other = new Envelope(43, "3f2a9c1b", "md.quote.MSFT", Priority.NORMAL, "marketdata", T, QUOTE, null);
        assertThat(codec.decode(codec.encode(other)).topic()).isEqualTo("md.quote.MSFT");
        assertThat(codec.decode(codec.encode(in)).topic()).isEqualTo("md.quote.AAPL");
        String longTopic = "md.quote." + "X".repeat(200);
        var longer = new Envelope(44, "3f2a9c1b", longTopic, Priority.NORMAL, "marketdata", T, QUOTE, null);
        assertThat(codec.decode(codec.encode(longer)).topic()).isEqualTo(longTopic);
    }

    @Test
    void test_writer_escapesAsJackson() throws CodecException {
        EnvelopeCodec.Writer w = PLAIN.newWriter();
        for (String s : List.of("", "plain", "quote\" back\\slash", "tab\tnl\ncr\rnul\u0000\u001f del\u007f",
                "caf\u00e9 \u20ac \ud83d\ude00", "/slash")) {
            var e = new Envelope(1, "3f2a9c1b", "x.y", Priority.LOW, s.isEmpty() ? "s" : s, 2,
                    new Plain(s, Double.NaN, null, -1, null, Integer.MIN_VALUE, null, true, null, Side.SELL), null);
            assertThat(new String(w.encode(e), StandardCharsets.UTF_8)).isEqualTo(new String(PLAIN.encode(e), StandardCharsets.UTF_8));
        }
    }

    @Test
    void test_decode_readsMapPayloadInOrder() throws CodecException {
        var values = new LinkedHashMap<String, Double>();
        values.put("z", 1.0);
        values.put("a", 2.0);
        var fv = new FeatureVector("AAPL", "1m", T, values);
        var out = (FeatureVector) CODEC.decode(CODEC.encode(env(fv))).payload();
        assertThat(out.values().keySet()).containsExactly("z", "a");
        assertThat(out.values()).isEqualTo(Map.of("z", 1.0, "a", 2.0));
    }
}
