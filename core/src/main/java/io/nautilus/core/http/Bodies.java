package io.nautilus.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;

import java.util.List;

/**
 * Reads request bodies into records with {@link Json#mapper()}, turning every way a body can be wrong into a 400
 * problem that names the field: malformed JSON, NaN/Infinity, a wrong type, a missing primitive, or a value a
 * record's constructor rejects.
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

    /** Reads the body as {@code type}; an empty body is a 400. */
    public static <T> T read(Context ctx, Class<T> type) {
        return read(bytes(ctx), Json.mapper().constructType(type));
    }

    /**
     * Reads the body as {@code type}, refusing fields the type does not have (a 400 naming the unknown field and
     * listing the known ones). For routes where a misspelt field would silently change what happens (an order
     * whose {@code order_type} is misspelt would run as a market order, a misspelt control would be switched
     * off); routes older clients call accept richer bodies and use {@link #read(Context, Class)}.
     */
    public static <T> T readStrict(Context ctx, Class<T> type) {
        return read(bytes(ctx), Json.mapper().constructType(type), true);
    }

    /** Reads the body as {@code type}, or returns {@code fallback} when the body is empty. */
    public static <T> T readOr(Context ctx, Class<T> type, T fallback) {
        byte[] body = bytes(ctx);
        if (isBlank(body)) {
            return fallback;
        }
        return read(body, Json.mapper().constructType(type));
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

    /** Reads JSON text as the given type. */
    public static <T> T read(String body, JavaType type) {
        return read(body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    /** Reads UTF-8 JSON as the given type. */
    public static <T> T read(byte[] body, JavaType type) {
        return read(body, type, false);
    }

    private static <T> T read(byte[] body, JavaType type, boolean strict) {
        if (body == null || isBlank(body)) {
            throw ProblemException.badRequest("request body is required (JSON)", List.of(new FieldError("body", "is required")));
        }
        try {
            if (strict) {
                return Json.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
            }
            return Json.mapper().readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            var known = new java.util.TreeSet<String>();
            if (e.getKnownPropertyIds() != null) {
                e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            String message = "unknown field '" + e.getPropertyName() + "'; known fields: " + String.join(", ", known);
            throw ProblemException.badRequest(path + ": " + message, List.of(new FieldError(path, message)));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String path = path(e);
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            String named = FieldError.namedIn(message);
            String field = named != null ? (path.isEmpty() ? named : path + "." + named) : path.isEmpty() ? "body" : path;
            throw ProblemException.badRequest(message, List.of(new FieldError(field, message)));
        } catch (JsonMappingException e) {
            String path = path(e);
            String message = e.getOriginalMessage();
            throw ProblemException.badRequest((path.isEmpty() ? "" : path + ": ") + message,
                    List.of(new FieldError(path.isEmpty() ? "body" : path, message)));
        } catch (JsonProcessingException e) {
            String message = "malformed JSON: " + e.getOriginalMessage();
            throw ProblemException.badRequest(message, List.of(new FieldError("body", message)));
        } catch (java.io.IOException e) {
            // in-memory input: only a malformed encoding gets here
            String message = "unreadable body: " + e.getMessage();
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

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
