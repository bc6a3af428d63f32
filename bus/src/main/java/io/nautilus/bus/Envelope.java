package io.nautilus.bus;

import io.nautilus.core.bus.Priority;

/**
 * A message with its metadata, as it crosses a process boundary (the Redis Streams bridge) or is dead-lettered.
 * Inside one process the bus does not allocate envelopes: the fields travel in ring slots. Immutable.
 *
 * @param id       process-unique increasing id of the publishing process
 * @param origin   id of the publishing process (node), so that (origin, id) is globally unique
 * @param topic    concrete topic
 * @param priority priority
 * @param source   publishing engine name
 * @param tsNanos  publish time, epoch nanoseconds
 * @param payload  the immutable payload
 * @param replyTo  reply topic of a request, or null
 */
public record Envelope(long id, String origin, String topic, Priority priority, String source, long tsNanos,
                       Object payload, String replyTo) {
}
