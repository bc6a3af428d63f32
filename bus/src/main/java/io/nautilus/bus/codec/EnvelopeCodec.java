package io.nautilus.bus.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.nautilus.bus.Envelope;
import io.nautilus.core.bus.DeadLetter;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Reply;
import io.nautilus.core.bus.Topics;
import io.nautilus.core.http.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Envelope &lt;-&gt; versioned JSON, the body of every Redis stream entry. Version 1, one object:
 *
 * <pre>{@code
 * {"v":1,"id":42,"origin":"3f2a9c1b","topic":"md.quote.AAPL","type":"quote","priority":"NORMAL",
 *  "source":"marketdata","ts":1700000000000000000,"reply_to":"_reply.3f2a9c1b.risk.7","payload":{...}}
 * }</pre>
 *
 * {@code reply_to} is present only on requests. {@code type} is the payload's wire name in the {@link TypeRegistry};
 * the payload is the record in the Nautilus JSON mapping ({@link Json#create()}: snake_case) except that a
 * non-finite double is written as the string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"} so that it
 * survives the trip (a MARKET order's limit price is NaN). A {@link Reply} is written as
 * {@code {"value_type":..,"value":..,"error":..}} and a {@link DeadLetter} carries its payload the same way
 * ({@code payload_kind} + {@code payload}, or only the Java {@code payload_type} when that is not registered).
 * Unknown fields are ignored, so a later version 1 writer may add fields; an incompatible change bumps {@code v}.
 *
 * <p>Decoding validates everything a peer (or anyone with access to Redis) could get wrong and throws a
 * {@link CodecException} whose message is the reason for the dead-letter stream. Thread-safe.
 */
public final class EnvelopeCodec {
    /** The format version written, and the only one read. */
    public static final int VERSION = 1;

    private static final EnvelopeCodec STANDARD = new EnvelopeCodec(TypeRegistry.standard());

    private final TypeRegistry types;
    private final ObjectMapper mapper;
    private final Map<Class<?>, ObjectReader> payloadReaders = new ConcurrentHashMap<>();
    /** The envelope texts decoded (origin, topic, type, priority, source, reply_to), one instance per text. */
    private final TextCache texts = new TextCache();

    public EnvelopeCodec(TypeRegistry types) {
        if (types == null) {
            throw new IllegalArgumentException("types must not be null");
        }
        this.types = types;
        this.mapper = wireMapper();
    }

    /** The codec of the standard registry. */
    public static EnvelopeCodec standard() {
        return STANDARD;
    }

    /** The registry this codec resolves type names with. */
    public TypeRegistry types() {
        return types;
    }

    /** The Nautilus mapping with non-finite doubles written as text (JSON has no NaN). */
    static ObjectMapper wireMapper() {
        var nonFinite = new SimpleModule("non-finite-as-text");
        nonFinite.addSerializer(Double.class, new DoubleAsText());
        nonFinite.addSerializer(double.class, new DoubleAsText());
        ObjectMapper m = Json.create();
        m.registerModule(nonFinite); // registered after Json's finite-or-null module, so it takes precedence
        return m;
    }

    /**
     * Encodes an envelope (thread-safe; allocates a generator and a buffer per call: see {@link #newWriter()} for a
     * loop).
     *
     * @throws CodecException if the payload (or a reply's value) is of a type not in the registry
     */
    public byte[] encode(Envelope e) throws CodecException {
        var out = new ByteArrayBuilder(512);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            write(g, provider(), e);
        } catch (IOException ex) {
            throw CodecException.invalidPayload(types.nameOf(e.payload().getClass()), ex);
        }
        return out.toByteArray();
    }

    /** A single-thread encoder for a loop, such as the Redis export thread (see {@link Writer}). */
    public Writer newWriter() {
        return new Writer();
    }

    /**
     * Encodes envelopes one after the other on one thread into one reused buffer, so that the returned array is the
     * only allocation of the envelope in the common case. The envelope's own fields are written by hand, and a payload
     * record of plain fields by its {@link RecordWriter} (built once per type from Jackson's serializer of it);
     * anything else goes through one reused Jackson generator and serializer provider. The same bytes as
     * {@link EnvelopeCodec#encode} (a test compares them for every standard payload). Not thread-safe.
     */
    public final class Writer {
        private final JsonBytes out = new JsonBytes(mapper.getFactory());
        private final DefaultSerializerProvider provider = provider();
        private JsonGenerator g;
        private final Header[] headers = new Header[HEADER_SLOTS];
        private final JsonBytes headerOut = new JsonBytes(mapper.getFactory());

        private Writer() {
        }

        /** {@code ,"origin":..,"topic":..,"type":..,"priority":..,"source":..,"ts":} of an envelope. */
        private byte[] header(Envelope e, PayloadKind kind) {
            int slot = e.topic().hashCode() & (HEADER_SLOTS - 1);
            Header h = headers[slot];
            if (h != null && h.matches(e, kind)) {
                return h.bytes();
            }
            headerOut.reset();
            headerOut.raw(ORIGIN);
            headerOut.string(e.origin());
            headerOut.raw(TOPIC);
            headerOut.string(e.topic());
            headerOut.raw(kind.typeField());
            headerOut.raw(PRIORITIES[e.priority().ordinal()]);
            headerOut.raw(SOURCE);
            headerOut.string(e.source());
            headerOut.raw(TS);
            h = new Header(e.origin(), e.topic(), kind, e.priority(), e.source(), headerOut.take());
            headers[slot] = h;
            return h.bytes();
        }

        /**
         * Encodes an envelope.
         *
         * @throws CodecException if the payload (or a reply's value) is of a type not in the registry
         */
        public byte[] encode(Envelope e) throws CodecException {
            PayloadKind kind = kinds.get(e.payload().getClass());
            if (kind.typeField() == null) {
                throw CodecException.unregistered(e.payload().getClass());
            }
            boolean ok = false;
            try {
                out.raw(V1_ID);
                out.number(e.id());
                out.raw(header(e, kind));
                out.number(e.tsNanos());
                if (e.replyTo() != null) {
                    out.raw(REPLY_TO);
                    out.string(e.replyTo());
                }
                out.raw(PAYLOAD);
                if (kind.writer() != null) {
                    kind.writer().write(out, e.payload());
                } else {
                    if (g == null) {
                        g = mapper.getFactory().createGenerator(out);
                        g.setRootValueSeparator(null); // payloads are cut from the buffer one by one
                    }
                    writePayload(g, provider, e.payload());
                    g.flush();
                }
                out.write('}');
                ok = true;
                return out.take();
            } catch (IOException ex) {
                throw CodecException.invalidPayload(types.nameOf(e.payload().getClass()), ex);
            } finally {
                if (!ok) { // a failure mid-object leaves the generator in that object: start over
                    g = null;
                    out.reset();
                }
            }
        }
    }

    /**
     * An envelope's fields from {@code origin} to the name of {@code ts}, encoded: the same for every message of one
     * publisher on one topic, so encoded once per (origin, topic, payload type, priority, source) in a direct-mapped
     * cache by topic (a miss encodes and replaces the slot). Immutable.
     */
    private record Header(String origin, String topic, PayloadKind kind, Priority priority, String source, byte[] bytes) {
        boolean matches(Envelope e, PayloadKind k) {
            return kind == k && priority == e.priority() && same(topic, e.topic()) && same(origin, e.origin())
                    && same(source, e.source());
        }

        private static boolean same(String a, String b) {
            return a == b || a.equals(b);
        }
    }

    /** Slots of a {@link Writer}'s header cache (a power of two). */
    private static final int HEADER_SLOTS = 256;

    /** The envelope's constant parts, as {@link #write} writes them. */
    private static final byte[] V1_ID = ascii("{\"v\":" + VERSION + ",\"id\":");
    private static final byte[] ORIGIN = ascii(",\"origin\":");
    private static final byte[] TOPIC = ascii(",\"topic\":");
    private static final byte[] SOURCE = ascii(",\"source\":");
    private static final byte[] TS = ascii(",\"ts\":");
    private static final byte[] REPLY_TO = ascii(",\"reply_to\":");
    private static final byte[] PAYLOAD = ascii(",\"payload\":");
    private static final byte[][] PRIORITIES = new byte[Priority.values().length][];

    static {
        for (Priority p : Priority.values()) {
            PRIORITIES[p.ordinal()] = ascii(",\"priority\":\"" + p.name() + "\"");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** What the writer needs of a payload class: its {@code ,"type":"<name>"} (null if unregistered), its direct writer. */
    private record PayloadKind(byte[] typeField, RecordWriter writer) {
    }

    private final ClassValue<PayloadKind> kinds = new ClassValue<>() {
        @Override
        protected PayloadKind computeValue(Class<?> c) {
            String name = types.nameOf(c);
            if (name == null) {
                return new PayloadKind(null, null);
            }
            var field = new JsonBytes(mapper.getFactory());
            field.raw(ascii(",\"type\":"));
            field.string(name);
            boolean special = c == Reply.class || c == DeadLetter.class; // written by writePayload's own rules
            return new PayloadKind(field.take(), special ? null : RecordWriter.of(mapper, provider(), c, DoubleAsText.class));
        }
    };

    /** True if the {@link Writer} writes payloads of this type without Jackson (see {@link RecordWriter}). */
    boolean writesDirectly(Class<?> type) {
        return kinds.get(type).writer() != null;
    }

    private DefaultSerializerProvider provider() {
        return (DefaultSerializerProvider) mapper.getSerializerProviderInstance();
    }

    private void write(JsonGenerator g, DefaultSerializerProvider provider, Envelope e) throws IOException, CodecException {
        String type = requireName(e.payload());
        g.writeStartObject();
        g.writeNumberField("v", VERSION);
        g.writeNumberField("id", e.id());
        g.writeStringField("origin", e.origin());
        g.writeStringField("topic", e.topic());
        g.writeStringField("type", type);
        g.writeStringField("priority", e.priority().name());
        g.writeStringField("source", e.source());
        g.writeNumberField("ts", e.tsNanos());
        if (e.replyTo() != null) {
            g.writeStringField("reply_to", e.replyTo());
        }
        g.writeFieldName("payload");
        writePayload(g, provider, e.payload());
        g.writeEndObject();
    }

    private String requireName(Object payload) throws CodecException {
        String name = types.nameOf(payload.getClass());
        if (name == null) {
            throw CodecException.unregistered(payload.getClass());
        }
        return name;
    }

    private void writePayload(JsonGenerator g, DefaultSerializerProvider provider, Object payload) throws IOException, CodecException {
        switch (payload) {
            case Reply r -> {
                g.writeStartObject();
                if (r.value() != null) {
                    g.writeStringField("value_type", requireName(r.value()));
                    g.writeFieldName("value");
                    writePayload(g, provider, r.value());
                }
                if (r.error() != null) {
                    g.writeStringField("error", r.error());
                }
                g.writeEndObject();
            }
            case DeadLetter d -> {
                g.writeStartObject();
                g.writeStringField("engine", d.engine());
                g.writeStringField("topic", d.topic());
                g.writeStringField("payload_type", d.payloadType());
                String kind = d.payload() == null ? null : types.nameOf(d.payload().getClass());
                if (kind != null) {
                    g.writeStringField("payload_kind", kind);
                    g.writeFieldName("payload");
                    writePayload(g, provider, d.payload());
                }
                g.writeStringField("error", d.error());
                g.writeNumberField("ts_nanos", d.tsNanos());
                g.writeEndObject();
            }
            default -> provider.serializeValue(g, payload);
        }
    }

    /**
     * Decodes a stream entry body in one pass over its tokens (no tree of the envelope): a payload that follows its
     * {@code type}, as every writer of this codec orders them, is read straight into its record; otherwise (or for
     * a reply or dead letter) it is read as a tree first. The reasons are the same either way, checked in the order
     * of the fields below.
     *
     * @throws CodecException (the dead-letter reason) if it is not JSON, lacks a field, has another version, names
     *                        an unknown type, or its payload is not a valid record
     */
    public Envelope decode(byte[] body) throws CodecException {
        var f = new Fields();
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw CodecException.malformed("not a JSON object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "v" -> f.v = integer(p, t);
                    case "id" -> f.id = integer(p, t);
                    case "ts" -> f.ts = integer(p, t);
                    case "origin" -> f.origin = text(p, t);
                    case "topic" -> f.topic = text(p, t);
                    case "type" -> f.type = text(p, t);
                    case "priority" -> f.priority = text(p, t);
                    case "source" -> f.source = text(p, t);
                    case "reply_to" -> f.replyTo = t == JsonToken.VALUE_NULL ? null : text(p, t);
                    case "payload" -> f.readPayload(p, t);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw CodecException.malformed("not JSON (trailing tokens after the envelope)", null);
            }
        } catch (IOException ex) {
            throw CodecException.malformed("not JSON (" + firstLine(ex.getMessage()) + ")", ex);
        }
        int version = (int) requireLong(f.v, "v");
        if (version != VERSION) {
            throw CodecException.unsupportedVersion(version, VERSION);
        }
        long id = requireLong(f.id, "id");
        String origin = requireText(f.origin, "origin");
        String topic = topic(requireText(f.topic, "topic"), "topic");
        String type = requireText(f.type, "type");
        Priority priority;
        try {
            priority = Priority.valueOf(requireText(f.priority, "priority"));
        } catch (IllegalArgumentException ex) {
            throw CodecException.malformed("priority must be one of CRITICAL, HIGH, NORMAL, LOW, got '" + f.priority + "'", ex);
        }
        String source = requireText(f.source, "source");
        long ts = requireLong(f.ts, "ts");
        String replyTo = f.replyTo == null ? null : topic(requireText(f.replyTo, "reply_to"), "reply_to");
        Object payload;
        if (f.payloadValue != null) {
            payload = f.payloadValue;
        } else if (f.payloadError != null) {
            throw CodecException.invalidPayload(type, f.payloadError);
        } else if (f.payloadTree != null) {
            payload = readPayload(type, f.payloadTree);
        } else {
            throw CodecException.malformed("missing field 'payload'", null);
        }
        return new Envelope(id, origin, topic, priority, source, ts, payload, replyTo);
    }

    /** The reader of a payload record inside an envelope (tokens follow it: the envelope's end). */
    private ObjectReader payloadReader(Class<?> c) {
        return payloadReaders.computeIfAbsent(c, k -> mapper.readerFor(k).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /** A field of the wrong JSON type: remembered, reported when the fields are checked in order. */
    private static final Object WRONG = new Object();

    /** The envelope's fields as read; {@link #WRONG} marks a field of the wrong JSON type (or an empty string). */
    private final class Fields {
        Object v;
        Object id;
        Object ts;
        Object origin;
        Object topic;
        Object type;
        Object priority;
        Object source;
        Object replyTo;
        Object payloadValue;
        JsonNode payloadTree;
        Exception payloadError;

        /** Reads the payload straight into its record when the type is known by now, else as a tree. */
        void readPayload(JsonParser p, JsonToken t) throws IOException {
            payloadValue = null;
            payloadTree = null;
            payloadError = null;
            if (t == JsonToken.VALUE_NULL) {
                return; // missing
            }
            Class<?> c = type instanceof String name ? types.typeOf(name) : null;
            if (c == null || c == Reply.class || c == DeadLetter.class || t != JsonToken.START_OBJECT) {
                payloadTree = payloadReader(JsonNode.class).readValue(p);
                return;
            }
            JsonStreamContext envelope = p.getParsingContext().getParent(); // at the payload's START_OBJECT
            try {
                payloadValue = payloadReader(c).readValue(p);
                if (payloadValue == null) {
                    payloadError = new IllegalArgumentException("payload is null");
                }
            } catch (JsonParseException ex) {
                throw ex; // not JSON at all
            } catch (IOException | IllegalArgumentException ex) {
                payloadError = ex; // reported after the envelope's own fields (their reasons come first)
                while (p.getParsingContext() != envelope && p.nextToken() != null) {
                    // a record that failed half-way: skip the rest of the payload object
                }
            }
        }
    }

    private static Object integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        p.skipChildren();
        return WRONG;
    }

    /** A non-empty string field, the cached instance of its text ({@link TextCache}); otherwise {@link #WRONG}. */
    private Object text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            char[] c = p.getTextCharacters(); // before offset and length: it may finish reading the token
            int off = p.getTextOffset();
            int len = p.getTextLength();
            return len == 0 ? WRONG : texts.of(c, off, len);
        }
        p.skipChildren();
        return WRONG;
    }

    private static long requireLong(Object value, String field) throws CodecException {
        if (value instanceof Long l) {
            return l;
        }
        throw CodecException.malformed("field '" + field + "' must be an integer", null);
    }

    private static String requireText(Object value, String field) throws CodecException {
        if (value instanceof String s) {
            return s;
        }
        throw CodecException.malformed("field '" + field + "' must be a non-empty string", null);
    }

    private Object readPayload(String type, JsonNode node) throws CodecException {
        Class<?> c = types.typeOf(type);
        if (c == null) {
            throw CodecException.unknownType(type);
        }
        if (c == Reply.class) {
            Object value = node.hasNonNull("value_type") ? readPayload(text(node, "value_type"), node.get("value")) : null;
            String error = node.hasNonNull("error") ? node.get("error").asText() : null;
            if (value == null && error == null) {
                throw CodecException.invalidPayload(type, new IllegalArgumentException("a reply needs value_type and value, or error"));
            }
            return new Reply(value, error);
        }
        if (c == DeadLetter.class) {
            Object inner = node.hasNonNull("payload_kind") ? readPayload(text(node, "payload_kind"), node.get("payload")) : null;
            return new DeadLetter(text(node, "engine"), text(node, "topic"), text(node, "payload_type"), inner,
                    text(node, "error"), number(node, "ts_nanos"));
        }
        Object value;
        try {
            value = node == null ? null : mapper.treeToValue(node, c);
        } catch (IOException | IllegalArgumentException ex) {
            throw CodecException.invalidPayload(type, ex);
        }
        if (value == null) {
            throw CodecException.invalidPayload(type, new IllegalArgumentException("payload is null"));
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws CodecException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw CodecException.malformed("field '" + field + "' must be a non-empty string", null);
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field) throws CodecException {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw CodecException.malformed("field '" + field + "' must be an integer", null);
        }
        return v.asLong();
    }

    private static String topic(String t, String field) throws CodecException {
        try {
            return Topics.checkTopic(t);
        } catch (IllegalArgumentException ex) {
            throw CodecException.malformed("field '" + field + "': " + ex.getMessage(), ex);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Finite doubles as numbers, NaN and infinities as the text Jackson reads back into a double. */
    private static final class DoubleAsText extends StdSerializer<Double> {
        DoubleAsText() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null) {
                gen.writeNull();
            } else if (Double.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeString(value.toString());
            }
        }
    }
}
