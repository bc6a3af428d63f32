package io.nautilus.bus;

/**
 * The seam for the Redis Streams bridge: sees every message published in this process (never one that was
 * injected from outside, so there are no echo loops). Called on the publisher's thread: implementations must
 * not block (queue and return).
 */
@FunctionalInterface
public interface BusExporter {
    void export(Envelope envelope);
}
