package io.nautilus.bus.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.OutputStream;
import java.util.Arrays;

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
     * Encodes envelopes one after the other on one thread, reusing one JSON generator, its output buffer and one
     * serializer provider, so that the returned array is the only allocation of the envelope (besides what the
     * payload's serializers allocate). The same bytes as {@link EnvelopeCodec#encode}. Not thread-safe.
     */
    public final class Writer {
        private final Buffer out = new Buffer();
        private final DefaultSerializerProvider provider = provider();
        private JsonGenerator g;

        private Writer() {
        }

        /**
         * Encodes an envelope.
         *
         * @throws CodecException if the payload (or a reply's value) is of a type not in the registry
         */
        public byte[] encode(Envelope e) throws CodecException {
            boolean ok = false;
            try {
                if (g == null) {
                    g = mapper.getFactory().createGenerator(out);
                    g.setRootValueSeparator(null); // envelopes are cut from the buffer one by one
                }
                write(g, provider, e);
                g.flush();
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

    /** A growable byte buffer without ByteArrayOutputStream's locking; {@link #take} copies and resets. */
    private static final class Buffer extends OutputStream {
        private byte[] a = new byte[1024];
        private int n;

        @Override
        public void write(int b) {
            ensure(1);
            a[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, a, n, len);
            n += len;
        }

        private void ensure(int more) {
            if (n + more > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
            }
        }

        byte[] take() {
            byte[] r = Arrays.copyOf(a, n);
            n = 0;
            return r;
        }

        void reset() {
            n = 0;
        }
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
     * Decodes a stream entry body.
     *
     * @throws CodecException (the dead-letter reason) if it is not JSON, lacks a field, has another version, names
     *                        an unknown type, or its payload is not a valid record
     */
    public Envelope decode(byte[] body) throws CodecException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException ex) {
            throw CodecException.malformed("not JSON (" + firstLine(ex.getMessage()) + ")", ex);
        }
        if (root == null || !root.isObject()) {
            throw CodecException.malformed("not a JSON object", null);
        }
        int version = (int) number(root, "v");
        if (version != VERSION) {
            throw CodecException.unsupportedVersion(version, VERSION);
        }
        long id = number(root, "id");
        String origin = text(root, "origin");
        String topic = topic(root, "topic");
        String type = text(root, "type");
        Priority priority;
        try {
            priority = Priority.valueOf(text(root, "priority"));
        } catch (IllegalArgumentException ex) {
            throw CodecException.malformed("priority must be one of CRITICAL, HIGH, NORMAL, LOW, got '"
                    + root.get("priority").asText() + "'", ex);
        }
        String source = text(root, "source");
        long ts = number(root, "ts");
        String replyTo = root.hasNonNull("reply_to") ? topic(root, "reply_to") : null;
        JsonNode payload = root.get("payload");
        if (payload == null || payload.isNull()) {
            throw CodecException.malformed("missing field 'payload'", null);
        }
        return new Envelope(id, origin, topic, priority, source, ts, readPayload(type, payload), replyTo);
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

    private static String topic(JsonNode node, String field) throws CodecException {
        String t = text(node, field);
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
