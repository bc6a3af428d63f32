package io.nautilus.core.http;

import io.nautilus.core.model.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last step before a problem is written: however a detail was made, it reaches the client bounded (a detail
 * of at most {@value #MAX_DETAIL} characters, at most {@value #MAX_ERRORS} field errors, field names and the
 * instance path cut as {@link Checks#shorten} cuts echoes) and without Java class names. Stateless and
 * thread-safe.
 */
final class Problems {
    static final int MAX_DETAIL = 1000;
    static final int MAX_ERRORS = 50;
    /** A qualified Java class name ({@code io.nautilus.engine.x.Foo$Bar}, {@code java.lang.Double}), maybe in backticks. */
    private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*`?");

    private Problems() {
    }

    static Problem bounded(Problem p) {
        var errors = new ArrayList<FieldError>(Math.min(p.errors().size(), MAX_ERRORS));
        for (FieldError e : p.errors()) {
            if (errors.size() == MAX_ERRORS) {
                break;
            }
            errors.add(new FieldError(Checks.shorten(e.field()), plain(e.message())));
        }
        return new Problem(p.type(), p.title(), p.status(), plain(p.detail()),
                p.instance() == null ? null : Checks.shorten(p.instance()), errors, p.errorId());
    }

    /** A message without class names, at most {@link #MAX_DETAIL} characters. */
    static String plain(String message) {
        if (message == null) {
            return null;
        }
        String m = message.length() > 4 * MAX_DETAIL ? message.substring(0, 4 * MAX_DETAIL) : message;
        m = CLASS_NAME.matcher(m).replaceAll("value");
        return m.length() > MAX_DETAIL ? m.substring(0, MAX_DETAIL) + "..." : m;
    }

}
