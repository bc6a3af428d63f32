package io.nautilus.core.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * The one JSON mapping of Nautilus: snake_case names, records, {@code Optional}; NaN and Infinity are rejected on
 * input (a parse error) and written as {@code null} on output (JSON has no NaN); a missing primitive is an error,
 * not a silent 0. {@link #mapper()} ignores unknown fields (it also reads what the platform stored itself);
 * request bodies are read with the stricter {@link #requests()} mapping. Thread-safe once built.
 */
public final class Json {
    private static final ObjectMapper MAPPER = create();
    private static final ObjectMapper REQUESTS = createForRequests();

    private Json() {
    }

    /** The shared mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The mapping of request bodies from outside: as {@link #mapper()}, and also refusing a field the target does
     * not declare (a misspelt {@code portfolio_id} must not silently make a global limit), {@code null} inside a
     * list, array or map, and any number that is not finite: {@code "Infinity"} and {@code "NaN"} given as strings
     * (Jackson would coerce them) and numbers beyond the double range such as {@code 1e400} (they parse to
     * Infinity). Do not reconfigure it.
     */
    public static ObjectMapper requests() {
        return REQUESTS;
    }

    private static ObjectMapper createForRequests() {
        ObjectMapper m = create();
        m.registerModule(FiniteNumbers.module());
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.setDefaultSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(
                com.fasterxml.jackson.annotation.Nulls.FAIL));
        return m;
    }

    /** A new mapper with Nautilus settings. */
    public static ObjectMapper create() {
        var finiteOrNull = new SimpleModule("finite-or-null");
        finiteOrNull.addSerializer(Double.class, new FiniteDoubleSerializer());
        finiteOrNull.addSerializer(double.class, new FiniteDoubleSerializer());
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(finiteOrNull)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }

    /** Writes non-finite doubles as JSON null. */
    private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
        FiniteDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
