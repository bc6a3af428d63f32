package io.nautilus.core.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors of one request, then throws them all at once as a 400. Not thread-safe (one per request).
 *
 * <pre>{@code
 * var v = new Validator();
 * double qty = v.positive("quantity", body.quantity());
 * v.throwIfInvalid();
 * }</pre>
 */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * A symbol from a request, in the platform's one form ({@link io.nautilus.core.model.Checks#symbol}: trimmed,
     * upper-case, validated); a blank or malformed one is a 400 naming {@code field}.
     */
    public static String symbol(String field, String raw) {
        try {
            return io.nautilus.core.model.Checks.symbol(field, raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, e.getMessage());
        }
    }

    /** Records an error. */
    public Validator error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Requires a present value. */
    public <T> T required(String field, T value) {
        if (value == null) {
            error(field, "is required");
        }
        return value;
    }

    /** Requires a present, non-blank string. */
    public String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            error(field, "is required and must not be blank");
        }
        return value;
    }

    /** Requires a present finite number; returns NaN when invalid. */
    public double finite(String field, Double value) {
        if (value == null) {
            error(field, "is required");
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            error(field, "must be a finite number");
            return Double.NaN;
        }
        return value;
    }

    /** Requires a present number &gt; 0. */
    public double positive(String field, Double value) {
        double d = finite(field, value);
        if (Double.isFinite(d) && d <= 0) {
            error(field, "must be > 0, got " + d);
        }
        return d;
    }

    /** Requires a present number in [min, max]. */
    public double inRange(String field, Double value, double min, double max) {
        double d = finite(field, value);
        if (Double.isFinite(d) && (d < min || d > max)) {
            error(field, "must be in [" + min + ", " + max + "], got " + d);
        }
        return d;
    }

    /** Checks every element of a series is finite and the length is within [minLen, maxLen]. */
    public double[] series(String field, double[] values, int minLen, int maxLen) {
        if (values == null) {
            error(field, "is required");
            return null;
        }
        if (values.length < minLen || values.length > maxLen) {
            error(field, "must have between " + minLen + " and " + maxLen + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                error(field + "[" + i + "]", "must be a finite number");
                break;
            }
        }
        return values;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 400 listing every error, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                    : errors.size() + " invalid fields: " + errors.stream().map(FieldError::field).toList();
            throw ProblemException.badRequest(detail, errors);
        }
    }
}
