package io.nautilus.core.http;

/**
 * One bad input field in a problem response.
 *
 * @param field   JSON path of the field, e.g. {@code data[3].price}
 * @param message what is wrong and what is allowed
 */
public record FieldError(String field, String message) {
    /** A first word shaped like a field (a JSON path such as {@code limit}, {@code views[0].confidence}). */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile(
            "^([a-z][a-z0-9_]*(?:\\[\\d+])?(?:\\.[a-z][a-z0-9_]*(?:\\[\\d+])?)*)(?::|\\s|$)");
    /** English words validation messages start with when they name no field ("a view needs ...", "need 0 <= ..."). */
    private static final java.util.Set<String> NOT_FIELDS = java.util.Set.of("a", "an", "the", "no", "not", "need",
            "needs", "at", "too", "cannot", "can", "unknown", "invalid", "inconsistent", "expected", "either", "both",
            "each", "every", "only", "one", "all", "some", "this", "that", "these", "those", "there", "it", "must",
            "missing", "empty", "duplicate", "more", "less", "fewer", "nothing", "none");

    /**
     * The field a validation message names by this code base's convention (the message starts with the field:
     * {@code limit must be in [1, 100]}, {@code scope symbol is not available ...}, {@code bid: NaN}), or null when
     * it starts with an ordinary word instead: "a view needs ..." must not make up a field called "a".
     */
    public static String namedIn(String message) {
        if (message == null) {
            return null;
        }
        var m = PATH.matcher(message);
        if (!m.find() || m.group(1).length() == message.length()) {
            return null;
        }
        String field = m.group(1);
        return NOT_FIELDS.contains(field) ? null : field;
    }
}
