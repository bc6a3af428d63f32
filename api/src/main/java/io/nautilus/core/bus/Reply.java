package io.nautilus.core.bus;

/**
 * The answer to a request, published on the requester's reply topic: a value, or the responder's error.
 *
 * @param value the reply value ({@code null} when failed)
 * @param error the responder's failure message ({@code null} when it succeeded)
 */
public record Reply(Object value, String error) {
}
