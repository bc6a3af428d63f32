package io.nautilus.core.http;

import java.util.List;
import java.util.Map;

/**
 * Thrown by route handlers to answer with a problem+json body. Use the factories; each names the status.
 */
public final class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** 400: the request cannot be read or a field is invalid. */
    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(400, "Bad Request", detail, errors, Map.of());
    }

    /** 400 naming one field. */
    public static ProblemException badField(String field, String message) {
        return badRequest(field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 404: the named thing does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, List.of(), Map.of());
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(), Map.of());
    }

    /** 422: well-formed but cannot be satisfied (e.g. infeasible constraints, too little history). */
    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(422, "Unprocessable Content", detail, errors, Map.of());
    }

    /** 503 with Retry-After. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "Service Unavailable", detail, List.of(),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
