package io.nautilus.core.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.nautilus.core.model.Checks;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Words a JSON reading failure for the client: a 400 problem naming the field (a JSON path such as
 * {@code returns[0][3]}, or {@code body}) in plain language, with no Java class names, no Jackson feature names and
 * at most {@link Checks#MAX_ECHO} characters of the offending value. Stateless and thread-safe.
 */
final class JsonErrors {
    private JsonErrors() {
    }

    /** The 400 for a body that could not be read. */
    static ProblemException problem(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            return mapping(m);
        }
        String field = fieldAt(e.getProcessor());
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof InputCoercionException c) {
            return bad(field, "must be " + kind(c.getTargetType()) + " within range, got "
                    + Checks.shorten(text(e.getProcessor())));
        }
        if (e instanceof StreamConstraintsException) {
            return bad(field, "is too long or too deeply nested");
        }
        if (original.startsWith("Non-standard token") || original.contains("'NaN'") || original.contains("Infinity")) {
            return bad(field, "must be a finite number (JSON has no NaN or Infinity)");
        }
        // where a syntax error is, only an open list is sure to be the field it broke (a name seen last may
        // belong to a value that was complete)
        String list = openList(e.getProcessor());
        if (original.startsWith("Unexpected end-of-input")) {
            return bad(list, "is not valid JSON: it ends before the JSON is complete");
        }
        return bad(list, "is not valid JSON" + at(e.getLocation()));
    }

    private static ProblemException mapping(JsonMappingException e) {
        String path = Bodies.path(e);
        String field = path.isEmpty() ? "body" : path;
        if (e instanceof UnrecognizedPropertyException u) {
            var known = new TreeSet<String>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            return bad(field, "unknown field '" + Checks.shorten(u.getPropertyName()) + "'; known fields: "
                    + String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "is not valid";
            String named = FieldError.namedIn(message);
            if (named != null) {
                String f = path.isEmpty() ? named : path + "." + named;
                return ProblemException.badRequest(f + ": " + message, List.of(new FieldError(f, message)));
            }
            return bad(field, message);
        }
        if (e instanceof FiniteNumbers.NotFinite n) {
            return bad(field, "must be a finite number, got '" + Checks.shorten(n.text()) + "'");
        }
        if (e instanceof FiniteNumbers.NullNumber || e instanceof InvalidNullException) {
            return bad(field, "must not be null");
        }
        if (e instanceof InvalidFormatException f) {
            return bad(field, "must be " + kind(f.getTargetType()) + ", got '"
                    + Checks.shorten(String.valueOf(f.getValue())) + "'");
        }
        if (e instanceof MismatchedInputException m) {
            String original = String.valueOf(m.getOriginalMessage());
            if (original.startsWith("Null value for creator property") || original.startsWith("Missing required creator")) {
                String name = quoted(original);
                String f = name == null ? field : path.isEmpty() ? name : path + "." + name;
                return bad(f, "is required");
            }
            if (m.getCurrentToken() == JsonToken.VALUE_NULL || original.contains("`null`")) {
                return bad(field, "must not be null");
            }
            return bad(field, "must be " + kind(m.getTargetType()));
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException inner && inner != e) {
            return problem(inner);
        }
        return bad(field, "is not valid here");
    }

    private static ProblemException bad(String field, String message) {
        return ProblemException.badField(field, message);
    }

    /** What a value of {@code type} looks like in JSON, for "must be ...". */
    static String kind(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || type == Number.class) {
            return "a finite number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            Class<?> element = type.getComponentType();
            return element != null && element.isPrimitive() ? "a list of numbers" : "a list";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "a JSON object";
        }
        return "of another type";
    }

    /** The JSON path where a streaming parser stopped, like {@code returns[0][3]}; {@code body} at the top. */
    private static String fieldAt(Object processor) {
        return processor instanceof JsonParser p ? pathOf(p.getParsingContext()) : "body";
    }

    private static String pathOf(JsonStreamContext context) {
        var parts = new java.util.ArrayDeque<String>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + Checks.shorten(c.getCurrentName()));
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? "body" : path;
    }

    /** The path of the innermost open list, without its index, or {@code body}. */
    private static String openList(Object processor) {
        if (processor instanceof JsonParser p && p.getParsingContext() != null && p.getParsingContext().inArray()) {
            JsonStreamContext parent = p.getParsingContext().getParent();
            if (parent != null && parent.inObject() && parent.getCurrentName() != null) {
                return pathOf(parent);
            }
        }
        return "body";
    }

    private static String text(Object processor) {
        try {
            return processor instanceof JsonParser p && p.getText() != null ? p.getText() : "?";
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** The first 'quoted' name in a message. */
    private static String quoted(String message) {
        int a = message.indexOf('\'');
        int b = a < 0 ? -1 : message.indexOf('\'', a + 1);
        return b > a + 1 ? message.substring(a + 1, b) : null;
    }
}
