package io.nautilus.bus.local;

import io.nautilus.core.bus.Message;
import io.nautilus.core.bus.Priority;

/**
 * A pre-allocated ring slot: two references (the {@link Target}, shared by every message of one publisher and
 * topic, and the payload) and three primitives, so a publish writes few bytes and few references (each reference
 * store into an old-generation slot costs a GC write barrier). Filled by a publisher, read by the engine's ring
 * thread, cleared after handling so that the payload can be collected. Also the {@link Message} view handed to
 * handlers (valid during the call).
 */
final class BusEvent implements Message {
    static final byte DELIVER = 0;
    static final byte TICK = 2;
    /** Completion marker of an injected message: payload is a {@link LocalBus.Completion}. */
    static final byte DONE = 3;
    /** Work of the engine runtime: payload is a {@link RingTask}. */
    static final byte RUN = 4;
    private static final Priority[] PRIORITIES = Priority.values();

    byte kind;
    byte priority;
    Target target;
    Object payload;
    long tsNanos;
    long id;

    void set(byte kind, Target target, Object payload, Priority priority, long tsNanos, long id) {
        this.kind = kind;
        this.priority = (byte) priority.ordinal();
        this.target = target;
        this.payload = payload;
        this.tsNanos = tsNanos;
        this.id = id;
    }

    void set(Sub.Pending p) {
        set(p.kind(), p.target(), p.payload(), p.priority(), p.tsNanos(), p.id());
    }

    void clear() {
        target = null;
        payload = null;
    }

    @Override
    public String topic() {
        return target.topic;
    }

    @Override
    public Priority priority() {
        return PRIORITIES[priority];
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
        return target.source;
    }

    @Override
    public String replyTo() {
        return target.replyTo;
    }
}
