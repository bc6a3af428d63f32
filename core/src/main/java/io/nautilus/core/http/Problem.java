package io.nautilus.core.http;

import java.util.List;

/**
 * An RFC 9457 {@code application/problem+json} body. {@code errors} names each bad field; {@code error_id}
 * identifies a logged server error (500 only). Immutable.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        type = type == null ? "about:blank" : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
