package io.nautilus.bus.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What only an engine's ring thread writes, on cache lines of its own. Publishers read {@link EngineRing}'s fields
 * on every enqueue ({@code accepting}, the lanes, {@code sleeping}); when the ring thread bumped a counter on the
 * same line once per event, each of those reads missed and waited for the line to come back from the other core.
 * The padding (the superclass's and this class's eight longs; HotSpot lays out superclass fields first) keeps
 * these fields off the lines of neighbouring objects. The counters are written with release stores by their one
 * writer and read with acquire loads by metrics. Not thread-safe otherwise: ring thread only.
 */
final class RingThreadState extends RingThreadFields {
    @SuppressWarnings("unused")
    private long p11, p12, p13, p14, p15, p16, p17, p18;

    private static final VarHandle DELIVERED;
    private static final VarHandle FAILED;

    static {
        try {
            var lookup = MethodHandles.lookup();
            DELIVERED = lookup.findVarHandle(RingThreadFields.class, "delivered", long.class);
            FAILED = lookup.findVarHandle(RingThreadFields.class, "failed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    void countDelivered() {
        DELIVERED.setRelease(this, delivered + 1);
    }

    void countFailed() {
        FAILED.setRelease(this, failed + 1);
    }

    /** From any thread. */
    long delivered() {
        return (long) DELIVERED.getAcquire(this);
    }

    /** From any thread. */
    long failed() {
        return (long) FAILED.getAcquire(this);
    }
}

/** Leading padding of {@link RingThreadState}. */
@SuppressWarnings("unused")
abstract class RingThreadPadding {
    private long p01, p02, p03, p04, p05, p06, p07, p08;
}

/** The fields of {@link RingThreadState}, between its two paddings. */
abstract class RingThreadFields extends RingThreadPadding {
    /** Handler calls that returned normally (release store, single writer). */
    long delivered;
    /** Handler calls that threw (release store, single writer). */
    long failed;
    /** Every dispatched event, for the handler latency sample. */
    long handled;
    /** Events handled in the current drain. */
    int processed;
    long idleSinceNanos;
    long lastIdleFor;
    long lastFailureLogNanos;
    long suppressedFailures;
}
