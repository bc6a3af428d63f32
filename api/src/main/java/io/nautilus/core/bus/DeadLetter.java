package io.nautilus.core.bus;

/**
 * A message a handler failed on, published on {@code dlq.<engine>}. Immutable and thread-safe.
 *
 * @param engine      engine whose handler failed
 * @param topic       original topic
 * @param payloadType class name of the payload
 * @param payload     the original payload (immutable)
 * @param error       exception class and message
 * @param tsNanos     failure time, epoch nanoseconds
 */
public record DeadLetter(String engine, String topic, String payloadType, Object payload, String error, long tsNanos) {
}
