package io.nautilus.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;

import java.util.List;

/**
 * Reads request bodies into records with {@link Json#mapper()}, turning every way a body can be wrong into a 400
 * problem that names the field: malformed JSON, NaN/Infinity, a wrong type, a missing primitive, or a value a
 * record's constructor rejects.
 */
public final class Bodies {
    private Bodies() {
    }

    /** Reads the body as {@code type}; an empty body is a 400. */
    public static <T> T read(Context ctx, Class<T> type) {
        return read(ctx.body(), Json.mapper().constructType(type));
    }

    /** Reads the body as {@code type}, or returns {@code fallback} when the body is empty. */
    public static <T> T readOr(Context ctx, Class<T> type, T fallback) {
        String body = ctx.body();
        if (body.isBlank()) {
            return fallback;
        }
        return read(body, Json.mapper().constructType(type));
    }

    /** Reads JSON text as the given type. */
    public static <T> T read(String body, JavaType type) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("request body is required (JSON)", List.of(new FieldError("body", "is required")));
        }
        try {
            return Json.mapper().readValue(body, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String path = path(e);
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            String field = path.isEmpty() ? firstWord(message) : path;
            throw ProblemException.badRequest(message, List.of(new FieldError(field, message)));
        } catch (JsonMappingException e) {
            String path = path(e);
            String message = e.getOriginalMessage();
            throw ProblemException.badRequest((path.isEmpty() ? "" : path + ": ") + message,
                    List.of(new FieldError(path.isEmpty() ? "body" : path, message)));
        } catch (JsonProcessingException e) {
            String message = "malformed JSON: " + e.getOriginalMessage();
            throw ProblemException.badRequest(message, List.of(new FieldError("body", message)));
        }
    }

    /** The JSON path of a mapping failure, like {@code data[2].price}. */
    static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String firstWord(String message) {
        int sp = message.indexOf(' ');
        return sp > 0 ? message.substring(0, sp) : "body";
    }
}
