package io.nautilus.bus.host;

import io.nautilus.bus.local.LocalBus;
import io.nautilus.bus.local.RingTask;
import io.nautilus.core.engine.Timer;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Timer}: the host's scheduler queues the task on the engine's normal lane at each tick, unless the
 * previous tick is still queued (then the tick is skipped and counted).
 */
final class RingTimer extends RingTask implements Timer {
    private final LocalBus bus;
    private final String engine;
    private final Runnable task;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> schedule;

    RingTimer(LocalBus bus, String engine, Runnable task) {
        this.bus = bus;
        this.engine = engine;
        this.task = task;
    }

    void schedule(ScheduledFuture<?> f) {
        this.schedule = f;
        if (cancelled) {
            f.cancel(false);
        }
    }

    /** Scheduler thread: queue a run unless one is queued already. */
    void tick() {
        if (cancelled) {
            return;
        }
        if (!queued.compareAndSet(false, true)) {
            skipped.incrementAndGet();
            return;
        }
        if (!bus.run(engine, this, false)) {
            queued.set(false);
        }
    }

    @Override
    protected boolean run() {
        queued.set(false);
        if (!cancelled) {
            task.run();
        }
        return false;
    }

    @Override
    public void cancel() {
        cancelled = true;
        ScheduledFuture<?> f = schedule;
        if (f != null) {
            f.cancel(false);
        }
    }

    @Override
    public long skipped() {
        return skipped.get();
    }
}
