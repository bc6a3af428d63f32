package io.nautilus.bus.local;

/**
 * The subscriptions one publisher's topic reaches, resolved once, as {@link Target}s; valid while the bus's
 * subscription version is {@link #version} (every subscribe and unsubscribe bumps it). Immutable.
 */
final class Route {
    final int version;
    final String topic;
    final String source;
    final String replyTo;
    final Target[] targets;
    /** False for engine-private {@code _local.} topics, which the exporter never sees. */
    final boolean exported;

    Route(int version, String topic, String source, String replyTo, Sub<?>[] subs) {
        this.version = version;
        this.topic = topic;
        this.source = source;
        this.replyTo = replyTo;
        this.exported = !topic.startsWith(LocalBus.LOCAL_PREFIX);
        this.targets = new Target[subs.length];
        for (int i = 0; i < subs.length; i++) {
            targets[i] = new Target(subs[i], topic, source, replyTo);
        }
    }
}
