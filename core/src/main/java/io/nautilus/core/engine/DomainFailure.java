package io.nautilus.core.engine;

/**
 * A typed failure of engine state, a store or a calculator, in domain words: what went wrong and which input it
 * concerns, never an HTTP status. The HTTP edge maps the {@link Kind} to a status ({@code NOT_FOUND} 404,
 * {@code CONFLICT} 409, {@code UNPROCESSABLE} 422, {@code INVALID} 400) with {@link #field()} in the problem's
 * {@code errors[]}. Immutable and thread-safe.
 */
public final class DomainFailure extends RuntimeException {
    /** What kind of failure. */
    public enum Kind {
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request contradicts the current state (a duplicate, a closed order). */
        CONFLICT,
        /** Well-formed, but it cannot be done with what there is (insufficient history, infeasible constraints). */
        UNPROCESSABLE,
        /** An input is out of its allowed range. */
        INVALID
    }

    private final Kind kind;
    private final String field;

    private DomainFailure(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public static DomainFailure notFound(String message) {
        return new DomainFailure(Kind.NOT_FOUND, null, message);
    }

    public static DomainFailure conflict(String message) {
        return new DomainFailure(Kind.CONFLICT, null, message);
    }

    public static DomainFailure unprocessable(String field, String message) {
        return new DomainFailure(Kind.UNPROCESSABLE, field, message);
    }

    public static DomainFailure invalid(String field, String message) {
        return new DomainFailure(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input it concerns (a body field, a query parameter), or null. */
    public String field() {
        return field;
    }
}
