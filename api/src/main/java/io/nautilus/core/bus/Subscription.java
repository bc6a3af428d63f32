package io.nautilus.core.bus;

/** A live subscription; {@link #close()} stops delivery (messages already queued may still arrive). */
public interface Subscription extends AutoCloseable {

    /** The pattern subscribed to. */
    String pattern();

    /** Stops delivery. Idempotent. */
    @Override
    void close();
}
