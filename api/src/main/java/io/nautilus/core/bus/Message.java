package io.nautilus.core.bus;

/**
 * What a handler knows about the message it is handling besides the payload. The instance is a view of the
 * ring slot: valid only during the handler call, never to be kept (copy the fields you need).
 */
public interface Message {

    /** The concrete topic the message was published on. */
    String topic();

    /** The priority it was published with. */
    Priority priority();

    /** Publish time, epoch nanoseconds. */
    long timestampNanos();

    /** Process-unique, increasing message id. */
    long id();

    /** Name of the engine (or bridge) that published it. */
    String source();

    /** The reply topic of a request, or {@code null} for an ordinary message. */
    String replyTo();
}
