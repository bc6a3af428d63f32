package io.nautilus.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Arrays;

/**
 * Deserializers of {@code double}, {@code Double} and {@code double[]} that refuse what is not a finite number:
 * Jackson turns the strings {@code "Infinity"}/{@code "NaN"} and overflowing literals such as {@code 1e400} into
 * non-finite doubles, which downstream checks like {@code value > 0} do not catch (an Infinity threshold switched a
 * risk control off). Stateless and thread-safe.
 */
final class FiniteNumbers {
    private FiniteNumbers() {
    }

    static SimpleModule module() {
        var m = new SimpleModule("finite-numbers");
        m.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        m.addDeserializer(double.class, new FiniteDouble(Double.TYPE, 0.0));
        m.addDeserializer(double[].class, new FiniteDoubleArray());
        return m;
    }

    /** A value that is not a finite number; {@link JsonErrors} words it for the client. */
    static final class NotFinite extends MismatchedInputException {
        private final String text;

        NotFinite(JsonParser p, String text) {
            super(p, "not a finite number", Double.TYPE);
            this.text = text;
        }

        /** The value as it was written. */
        String text() {
            return text;
        }
    }

    /** A {@code null} where a number is needed (inside a {@code double[]}). */
    static final class NullNumber extends MismatchedInputException {
        NullNumber(JsonParser p) {
            super(p, "null where a number is needed", Double.TYPE);
        }
    }

    private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double v = super.deserialize(p, ctxt);
            if (v != null && !Double.isFinite(v)) {
                throw new NotFinite(p, p.getText());
            }
            return v;
        }
    }

    private static final class FiniteDoubleArray extends StdDeserializer<double[]> {
        FiniteDoubleArray() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            double[] out = new double[16];
            int n = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                try {
                    double v;
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        v = p.getDoubleValue();
                    } else if (t == JsonToken.VALUE_NULL) {
                        throw new NullNumber(p);
                    } else if (t == JsonToken.VALUE_STRING) {
                        v = parse(p);
                    } else {
                        return (double[]) ctxt.handleUnexpectedToken(Double.TYPE, p);
                    }
                    if (!Double.isFinite(v)) {
                        throw new NotFinite(p, p.getText());
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = v;
                } catch (IOException e) {
                    throw JsonMappingException.wrapWithPath(e, out, n);
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        /** A number given as a string (Jackson's default coercion, kept for old clients): "1.5" but not "x". */
        private static double parse(JsonParser p) throws IOException {
            String text = p.getText().trim();
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, "not a number", text, Double.TYPE);
            }
        }
    }
}
