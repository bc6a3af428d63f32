package io.nautilus.core.http;

/**
 * One bad input field in a problem response.
 *
 * @param field   JSON path of the field, e.g. {@code data[3].price}
 * @param message what is wrong and what is allowed
 */
public record FieldError(String field, String message) {
}
