package io.nautilus.bus.local;

import io.nautilus.core.bus.Message;
import io.nautilus.core.bus.Priority;

/**
 * A pre-allocated ring slot. Filled by a publisher, read by the engine's ring thread, cleared after handling so
 * that the payload can be collected. Also the {@link Message} view handed to handlers (valid during the call).
 */
final class BusEvent implements Message {
    static final byte DELIVER = 0;
    static final byte WAKE = 1;
    static final byte TICK = 2;
    /** Completion marker of an injected message: payload is a {@link LocalBus.Completion}. */
    static final byte DONE = 3;

    byte kind;
    Sub<?> sub;
    String topic;
    Object payload;
    Priority priority;
    long tsNanos;
    long id;
    String source;
    String replyTo;

    void set(byte kind, Sub<?> sub, String topic, Object payload, Priority priority, long tsNanos, long id,
             String source, String replyTo) {
        this.kind = kind;
        this.sub = sub;
        this.topic = topic;
        this.payload = payload;
        this.priority = priority;
        this.tsNanos = tsNanos;
        this.id = id;
        this.source = source;
        this.replyTo = replyTo;
    }

    void copyFrom(BusEvent o) {
        set(o.kind, o.sub, o.topic, o.payload, o.priority, o.tsNanos, o.id, o.source, o.replyTo);
    }

    void clear() {
        sub = null;
        topic = null;
        payload = null;
        source = null;
        replyTo = null;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Priority priority() {
        return priority;
    }

    @Override
    public long timestampNanos() {
        return tsNanos;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String replyTo() {
        return replyTo;
    }
}
