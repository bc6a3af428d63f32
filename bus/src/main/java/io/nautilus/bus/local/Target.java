package io.nautilus.bus.local;

/**
 * Where a queued message goes and what it was published as: one subscription plus the topic, source and reply
 * topic it was published with. Ordinary publishes reuse one instance per (publishing engine, topic, subscription)
 * from the publisher's {@link Route}, so a ring slot stores one reference for all of it. Immutable.
 */
final class Target {
    final Sub<?> sub;
    final String topic;
    final String source;
    final String replyTo;

    Target(Sub<?> sub, String topic, String source, String replyTo) {
        this.sub = sub;
        this.topic = topic;
        this.source = source;
        this.replyTo = replyTo;
    }
}
