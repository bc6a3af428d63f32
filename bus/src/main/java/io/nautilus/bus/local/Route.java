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

    /** A subscription from others only is not reached by its own engine's publishes. */
    private static boolean reaches(Sub<?> s, String source) {
        return !(s.othersOnly && s.ring.engine.equals(source));
    }

    Route(int version, String topic, String source, String replyTo, Sub<?>[] subs) {
        this.version = version;
        this.topic = topic;
        this.source = source;
        this.replyTo = replyTo;
        this.exported = !topic.startsWith(LocalBus.LOCAL_PREFIX);
        int n = 0;
        for (Sub<?> s : subs) {
            if (reaches(s, source)) {
                n++;
            }
        }
        this.targets = new Target[n];
        int i = 0;
        for (Sub<?> s : subs) {
            if (reaches(s, source)) {
                targets[i++] = new Target(s, topic, source, replyTo);
            }
        }
    }
}
