package io.nautilus.bus.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.nautilus.bus.Envelope;
import io.nautilus.core.bus.DeadLetter;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.bus.Reply;
import io.nautilus.core.bus.Topics;
import io.nautilus.core.http.Json;

import java.io.IOException;

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
    /** Writes a payload into the envelope's generator without flushing it after every value. */
    private final ObjectWriter payloadWriter;

    public EnvelopeCodec(TypeRegistry types) {
        if (types == null) {
            throw new IllegalArgumentException("types must not be null");
        }
        this.types = types;
        this.mapper = wireMapper();
        this.payloadWriter = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
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
     * Encodes an envelope.
     *
     * @throws CodecException if the payload (or a reply's value) is of a type not in the registry
     */
    public byte[] encode(Envelope e) throws CodecException {
        String type = requireName(e.payload());
        var out = new ByteArrayBuilder(512);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
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
            writePayload(g, e.payload());
            g.writeEndObject();
        } catch (IOException ex) {
            throw CodecException.invalidPayload(type, ex);
        }
        return out.toByteArray();
    }

    private String requireName(Object payload) throws CodecException {
        String name = types.nameOf(payload.getClass());
        if (name == null) {
            throw CodecException.unregistered(payload.getClass());
        }
        return name;
    }

    private void writePayload(JsonGenerator g, Object payload) throws IOException, CodecException {
        switch (payload) {
            case Reply r -> {
                g.writeStartObject();
                if (r.value() != null) {
                    g.writeStringField("value_type", requireName(r.value()));
                    g.writeFieldName("value");
                    writePayload(g, r.value());
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
                    writePayload(g, d.payload());
                }
                g.writeStringField("error", d.error());
                g.writeNumberField("ts_nanos", d.tsNanos());
                g.writeEndObject();
            }
            default -> payloadWriter.writeValue(g, payload);
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
