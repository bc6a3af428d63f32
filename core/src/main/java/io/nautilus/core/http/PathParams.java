package io.nautilus.core.http;

import io.nautilus.core.model.Checks;

import java.util.Map;

/**
 * Checks every path parameter by its name before a route runs, so that no route stores or echoes an unbounded or
 * unprintable value from a URL: {@code symbol} must be a well-formed symbol ({@link Checks#symbol}); a name that is
 * {@code id} or ends with {@code _id} or {@code Id} ({@code portfolio_id}, {@code limit_id}, {@code orderId}) must
 * be an id ({@link Checks#id}: 1-64 of letters, digits and {@code - _ :}); any other parameter must be a printable
 * name of at most {@value Checks#MAX_NAME_LENGTH} characters ({@link Checks#name}). A bad one is a 400 naming the
 * parameter. Stateless and thread-safe.
 */
final class PathParams {
    private PathParams() {
    }

    static void check(Map<String, String> params) {
        for (var e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            try {
                if (name.equals("symbol")) {
                    Checks.symbol(name, value);
                } else if (isId(name)) {
                    Checks.id(name, value);
                } else {
                    Checks.name(name, value);
                }
            } catch (IllegalArgumentException ex) {
                throw ProblemException.badField(name, ex.getMessage().startsWith(name + " ")
                        ? ex.getMessage().substring(name.length() + 1) : ex.getMessage());
            }
        }
    }

    static boolean isId(String name) {
        return name.equals("id") || name.endsWith("_id") || name.endsWith("Id");
    }
}
