package io.nautilus.bus.local;

/**
 * Counters of one engine's inbox since start. Immutable.
 *
 * @param engine     engine name
 * @param published  messages this engine published
 * @param delivered  handler calls that returned normally
 * @param failed     handler calls that threw (each dead-lettered)
 * @param dropped    messages dropped by DROP_OLDEST subscriptions
 * @param conflated  messages replaced by a newer one in LATEST subscriptions
 * @param overflowed messages that found the ring full and waited in the overflow queue (none lost)
 * @param backlog    messages queued now (rings + overflow)
 * @param rejected   messages refused because the engine was stopping
 */
public record RingStats(String engine, long published, long delivered, long failed, long dropped, long conflated,
                        long overflowed, long backlog, long rejected) {
}
