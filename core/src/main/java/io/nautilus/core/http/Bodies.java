package io.nautilus.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.http.Context;

import java.util.List;

/**
 * Reads request bodies into records with {@link Json#requests()}, turning every way a body can be wrong into a 400
 * problem that names the field in plain language ({@link JsonErrors}): malformed JSON, a JSON {@code null} or a
 * value of the wrong shape where an object is needed, a field the record does not declare, a non-finite number
 * (NaN, Infinity, 1e400), {@code null} inside a list, a wrong type, a missing primitive, or a value a record's
 * constructor rejects. A body with a {@code Content-Type} that is not JSON is a 415.
 *
 * <p>The body is read once as bytes and parsed from bytes (no String, no char-based parser). A body whose
 * {@code Content-Length} is at most {@link #SMALL_BODY_BYTES} (below the smallest allowed request limit, so always
 * within it) is read with exactly that many bytes: no 8 KiB copy buffer, and no further read to find the end of the
 * stream. Larger or chunked bodies go through Javalin, which enforces the server's size limit (413). Handlers that
 * read a body with these methods must not also call {@code ctx.body()}; use {@link #text(Context)}.
 */
public final class Bodies {
    /** Largest Content-Length read directly (the smallest maxRequestBytes allowed by {@link HttpSettings}). */
    static final int SMALL_BODY_BYTES = 1024;
    private static final String BODY_ATTRIBUTE = "nautilus.body";
    private static final byte[] EMPTY = new byte[0];

    private Bodies() {
    }

    /**
     * Reads the body as {@code type}; an empty body is a 400, and so is a field {@code type} does not declare (the
     * problem names it and lists the known ones): a misspelt field must never silently change what happens (a
     * misspelt {@code portfolio_id} made a global limit, a misspelt {@code order_type} a market order).
     */
    public static <T> T read(Context ctx, Class<T> type) {
        return read(json(ctx), Json.requests().constructType(type));
    }

    /** The same as {@link #read(Context, Class)} (every body is read strictly); kept for existing callers. */
    public static <T> T readStrict(Context ctx, Class<T> type) {
        return read(ctx, type);
    }

    /** Reads the body as {@code type}, or returns {@code fallback} when the body is empty. */
    public static <T> T readOr(Context ctx, Class<T> type, T fallback) {
        byte[] body = json(ctx);
        if (isBlank(body)) {
            return fallback;
        }
        return read(body, Json.requests().constructType(type));
    }

    /**
     * The body's bytes for a route that reads JSON itself: a 415 if the request says its body is something else
     * (the server already refuses bodies without a JSON or CSV content type; this refuses CSV on a JSON route).
     */
    public static byte[] json(Context ctx) {
        byte[] body = bytes(ctx);
        if (body.length > 0 && !HttpGuard.isJson(ctx.header("Content-Type"))) {
            throw HttpGuard.unsupportedMediaType(ctx.header("Content-Type"));
        }
        return body;
    }

    /** The body as UTF-8 text (read once, shared with {@link #read}). */
    public static String text(Context ctx) {
        return new String(bytes(ctx), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The body's bytes, read once per request and kept on the context. */
    static byte[] bytes(Context ctx) {
        byte[] body = ctx.attribute(BODY_ATTRIBUTE);
        if (body != null) {
            return body;
        }
        long length = ctx.req().getContentLengthLong();
        if (length == 0) {
            body = EMPTY;
        } else if (length > 0 && length <= SMALL_BODY_BYTES) {
            try {
                body = ctx.req().getInputStream().readNBytes((int) length);
            } catch (java.io.IOException e) {
                throw ProblemException.badRequest("could not read the request body: " + e.getMessage(),
                        List.of(new FieldError("body", "could not be read")));
            }
        } else {
            body = ctx.bodyAsBytes();
        }
        ctx.attribute(BODY_ATTRIBUTE, body);
        return body;
    }

    /** Reads JSON text as the given type (strictly, as a request body). */
    public static <T> T read(String body, JavaType type) {
        return read(body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    /** Reads UTF-8 JSON as the given type (strictly, as a request body); {@code null} is refused like a wrong type. */
    public static <T> T read(byte[] body, JavaType type) {
        if (body == null || isBlank(body)) {
            throw ProblemException.badRequest("request body is required (JSON)", List.of(new FieldError("body", "is required")));
        }
        T value;
        try {
            value = Json.requests().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.problem(e);
        } catch (java.io.IOException e) {
            // in-memory input: only a malformed encoding gets here
            throw ProblemException.badField("body", "is not readable UTF-8 JSON");
        }
        if (value == null) {
            throw ProblemException.badField("body", "must be " + JsonErrors.kind(type.getRawClass()) + ", got null");
        }
        return value;
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
                sb.append(io.nautilus.core.model.Checks.shorten(ref.getFieldName()));
            }
        }
        return sb.toString();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
