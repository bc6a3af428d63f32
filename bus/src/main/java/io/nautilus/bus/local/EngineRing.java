package io.nautilus.bus.local;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.nautilus.core.bus.Delivery;
import io.nautilus.core.bus.Priority;
import io.nautilus.core.metrics.LatencyStats;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine's inbox: two Disruptor rings (an urgent lane for CRITICAL/HIGH, a normal lane for NORMAL/LOW) and
 * the single consumer thread that runs every handler of the engine. The urgent lane is drained before each normal
 * event, so an urgent message overtakes a queued flood. A full ring never blocks a publisher: the message spills
 * to the lane's overflow queue (RELIABLE), and once a lane has overflow every later message of that lane follows
 * it there until it drains, which keeps each publisher's order.
 *
 * <p>Publishers: any thread, lock-free. Consumer: the ring thread only.
 */
final class EngineRing {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRing.class);
    private static final int BATCH = 1024;
    private static final int SAMPLE_MASK = 7; // handler latency sampled on 1 event in 8

    /** Receives a message a handler threw on. */
    interface FailureSink {
        void failed(EngineRing ring, String topic, Object payload, Throwable error);
    }

    private final class Lane {
        final RingBuffer<BusEvent> ring;
        final EventPoller<BusEvent> poller;
        final ConcurrentLinkedQueue<Sub.Pending> overflow = new ConcurrentLinkedQueue<>();
        final AtomicLong overflowDepth = new AtomicLong();
        /** Most slots one batch claims at once. */
        final int claimLimit;

        Lane(int size) {
            // The lane is drained through an EventPoller, which never waits on the ring's wait strategy; the
            // default (blocking) strategy would take a lock and notifyAll on every publish for nobody. The ring
            // thread's own idling and wake-up are in idle()/signal().
            ring = RingBuffer.createMultiProducer(BusEvent::new, size, new YieldingWaitStrategy());
            poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
            claimLimit = Math.min(BATCH, size / 2);
        }

        boolean pending() {
            return ring.getCursor() > poller.getSequence().get() || overflowDepth.get() > 0;
        }

        long backlog() {
            return Math.max(0, ring.getCursor() - poller.getSequence().get()) + overflowDepth.get();
        }
    }

    final String engine;
    private final Lane urgent;
    private final Lane normal;
    private final WaitMode waitMode;
    private final FailureSink failureSink;
    private final Thread thread;
    private volatile boolean sleeping;
    private static final java.lang.invoke.VarHandle SLEEPING;

    static {
        try {
            SLEEPING = java.lang.invoke.MethodHandles.lookup().findVarHandle(EngineRing.class, "sleeping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private volatile boolean running = true;
    private volatile boolean accepting = true;

    /** Counters and scratch values only the ring thread writes, on cache lines of their own. */
    private final RingThreadState st = new RingThreadState();
    final LongAdder overflowed = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LatencyStats handlerLatency = new LatencyStats();
    private final BusEvent scratch = new BusEvent();

    EngineRing(String engine, int ringSize, int urgentRingSize, WaitMode waitMode, FailureSink failureSink) {
        this.engine = engine;
        this.taskTarget = new Target(null, "_runtime." + engine, engine, null);
        this.urgent = new Lane(urgentRingSize);
        this.normal = new Lane(ringSize);
        this.waitMode = waitMode;
        this.failureSink = failureSink;
        this.urgentHandler = (event, sequence, endOfBatch) -> {
            handle(event);
            return ++st.processed < BATCH;
        };
        this.normalHandler = (event, sequence, endOfBatch) -> {
            handle(event);
            return ++st.processed < BATCH && !urgent.pending();
        };
        this.thread = Thread.ofPlatform().name("ring-" + engine).daemon(true).unstarted(this::run);
        this.thread.start();
    }

    /** Queues one event for this engine. Never blocks. Returns false if the engine no longer accepts messages. */
    boolean enqueue(byte kind, Target target, Object payload, Priority priority, long tsNanos, long id) {
        if (!accepting) {
            rejected.increment();
            return false;
        }
        Lane lane = priority.urgent() ? urgent : normal;
        if (lane.overflowDepth.get() == 0) {
            try {
                long seq = lane.ring.tryNext();
                lane.ring.get(seq).set(kind, target, payload, priority, tsNanos, id);
                lane.ring.publish(seq);
                signal();
                return true;
            } catch (InsufficientCapacityException full) {
                // fall through to the overflow: RELIABLE never drops and never blocks the publisher
            }
        }
        spill(lane, new Sub.Pending(target, kind, payload, priority, tsNanos, id));
        return true;
    }

    private void spill(Lane lane, Sub.Pending pending) {
        // count before adding: depth == 0 must imply that the consumer has taken every overflowed message,
        // otherwise a publisher could go back to the ring while its older message still waits in the overflow
        lane.overflowDepth.incrementAndGet();
        lane.overflow.add(pending);
        overflowed.increment();
        signal();
    }

    /**
     * Queues {@code payloads[from, to)} for one RELIABLE target, in order, skipping payloads that are not of the
     * subscription's type; payload {@code i} gets id {@code firstId + i - from}. Claims ring slots in blocks (one
     * claim, one publish and one signal per block instead of per message); what does not fit goes to the overflow
     * exactly as {@link #enqueue} would. Never blocks. Returns the number of payloads queued.
     */
    int enqueueBatch(Target target, Object[] payloads, int from, int to, Priority priority, long tsNanos, long firstId) {
        Class<?> type = target.sub.type;
        Lane lane = priority.urgent() ? urgent : normal;
        int queued = 0;
        int i = from;
        while (i < to && accepting && lane.overflowDepth.get() == 0) {
            int end = i;
            int matched = 0;
            while (end < to && matched < lane.claimLimit) {
                if (type.isInstance(payloads[end++])) {
                    matched++;
                }
            }
            if (matched > 0) {
                long hi;
                try {
                    hi = lane.ring.tryNext(matched);
                } catch (InsufficientCapacityException full) {
                    break; // the rest one by one, which spills to the overflow
                }
                long lo = hi - matched + 1;
                long seq = lo;
                for (int k = i; k < end; k++) {
                    Object p = payloads[k];
                    if (type.isInstance(p)) {
                        lane.ring.get(seq++).set(BusEvent.DELIVER, target, p, priority, tsNanos, firstId + k - from);
                    }
                }
                lane.ring.publish(lo, hi);
                signal();
                queued += matched;
            }
            i = end;
        }
        for (; i < to; i++) {
            Object p = payloads[i];
            if (type.isInstance(p) && enqueue(BusEvent.DELIVER, target, p, priority, tsNanos, firstId + i - from)) {
                queued++;
            }
        }
        return queued;
    }

    private void signal() {
        // only the publisher that flips the flag pays for the unpark syscall; the others see it cleared
        if (sleeping && SLEEPING.compareAndSet(this, true, false)) {
            LockSupport.unpark(thread);
        }
    }

    private final java.util.concurrent.CopyOnWriteArrayList<Runnable> endOfBatch = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds a hook run on the ring thread after each batch of handled events. */
    void addEndOfBatch(Runnable hook) {
        endOfBatch.add(hook);
    }

    /** Ring tasks of the current batch that wait for its end ({@link RingTask#afterBatch}); ring thread only. */
    private final java.util.ArrayList<RingTask> afterBatch = new java.util.ArrayList<>();
    /** The target of every {@link RingTask} of this engine (its topic names them in failure logs). */
    final Target taskTarget;

    private void endOfBatch() {
        RuntimeException failure = null;
        for (Runnable hook : endOfBatch) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.error("engine={} end-of-batch hook failed", engine, e);
                if (failure == null) {
                    failure = e;
                }
            }
        }
        for (int i = 0, n = afterBatch.size(); i < n; i++) {
            try {
                afterBatch.get(i).afterBatch(failure);
            } catch (RuntimeException e) {
                LOG.error("engine={} ring task completion failed", engine, e);
            }
        }
        afterBatch.clear();
    }

    private void runTask(RingTask task, BusEvent meta) {
        try {
            if (task.run()) {
                afterBatch.add(task);
            }
            st.countDelivered();
        } catch (Throwable t) {
            countFailure(meta.topic(), t);
        }
    }

    /** Counts and logs (once per burst) a handler's failure; rethrows what the JVM cannot survive. */
    private void countFailure(String topic, Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
        st.countFailed();
        logFailure(topic, t);
    }

    private void run() {
        AWAKE.incrementAndGet();
        try {
            loop();
        } finally {
            AWAKE.decrementAndGet();
        }
    }

    private void loop() {
        int idle = 0;
        while (true) {
            int work = drain(urgent, false) + drain(normal, true);
            if (work > 0) {
                idle = 0;
                if (!endOfBatch.isEmpty() || !afterBatch.isEmpty()) {
                    endOfBatch();
                }
                continue;
            }
            if (!running) {
                break;
            }
            idle++;
            idle(idle);
        }
    }

    private static final long SPIN_NANOS = 50_000;
    /** Ring threads of this process that are not parked; they spin while idle only if each can have a core. */
    private static final AtomicInteger AWAKE = new AtomicInteger();
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int PAUSES_PER_POLL = Integer.getInteger("nautilus.bus.pausesPerPoll", 16);
    private static final long YIELD_NANOS = 200_000;

    /**
     * Waits a little before the next poll of an empty ring. Polling reads the lanes' cursors, whose cache line the
     * publishers write with a CAS on every publish: an idle consumer that polls in a tight loop makes each of those
     * CASes miss (the line moves between cores each time). A poll every few dozen pauses (well under a
     * microsecond) costs the next message little latency. The count is a system property
     * ({@code nautilus.bus.pausesPerPoll}, default 16) for measurements.
     */
    private static void pause() {
        for (int i = 0; i < PAUSES_PER_POLL; i++) {
            Thread.onSpinWait();
        }
    }

    private void idle(int count) {
        switch (waitMode) {
            case BUSY_SPIN -> Thread.onSpinWait();
            case YIELDING -> {
                if (count < 100) {
                    pause();
                } else {
                    Thread.yield();
                }
            }
            case BLOCKING -> {
                // Spin, then yield, for a bounded time after the last message (so a steady stream, e.g. 100k msgs/s,
                // never pays a park/unpark, which costs up to milliseconds on a virtualised 2-core machine), then
                // park until a publisher signals: an idle engine costs no CPU. Spin only while fewer ring threads
                // are awake than there are cores: a spinning thread would otherwise hold a core that a publisher or
                // another ring thread with work needs (one publisher fanning out to three engines on two cores);
                // yielding hands it over.
                if (count == 1) {
                    st.idleSinceNanos = System.nanoTime();
                }
                long idleFor = (count & 15) == 1 ? System.nanoTime() - st.idleSinceNanos : st.lastIdleFor;
                st.lastIdleFor = idleFor;
                if (idleFor < SPIN_NANOS && AWAKE.get() < CORES) {
                    pause();
                } else if (idleFor < YIELD_NANOS) {
                    Thread.yield();
                } else {
                    sleeping = true;
                    if (!urgent.pending() && !normal.pending() && running) {
                        AWAKE.decrementAndGet();
                        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
                        AWAKE.incrementAndGet();
                    }
                    sleeping = false;
                }
            }
        }
    }

    private final EventPoller.Handler<BusEvent> urgentHandler;
    private final EventPoller.Handler<BusEvent> normalHandler;

    private int drain(Lane lane, boolean yieldToUrgent) {
        st.processed = 0;
        try {
            EventPoller.PollState state = lane.poller.poll(yieldToUrgent ? normalHandler : urgentHandler);
            if (state == EventPoller.PollState.IDLE && lane.overflowDepth.get() > 0) {
                // the ring is empty, so everything in the overflow is newer than what was in the ring
                Sub.Pending p;
                while (st.processed < BATCH && (p = lane.overflow.poll()) != null) {
                    lane.overflowDepth.decrementAndGet();
                    scratch.set(p);
                    handle(scratch);
                    st.processed++;
                    if (yieldToUrgent && urgent.pending()) {
                        break;
                    }
                }
            }
        } catch (Exception e) {
            // poll() itself only throws what handle() rethrew, and handle() catches everything a handler throws
            LOG.error("engine={} ring poll failed", engine, e);
        }
        return st.processed;
    }

    private void handle(BusEvent e) {
        try {
            switch (e.kind) {
                case BusEvent.DELIVER -> dispatch(e.target.sub, e.payload, e);
                case BusEvent.TICK -> tick(e);
                case BusEvent.DONE -> completed((LocalBus.Completion) e.payload);
                case BusEvent.RUN -> runTask((RingTask) e.payload, e);
                default -> throw new IllegalStateException("unknown ring event kind " + e.kind);
            }
        } finally {
            e.clear();
        }
    }

    private void completed(LocalBus.Completion done) {
        try {
            done.handled();
        } catch (RuntimeException ex) {
            LOG.error("engine={} completion callback failed", engine, ex);
        }
    }

    private void tick(BusEvent e) {
        Target target = e.target;
        Sub<?> sub = target.sub;
        if (sub.delivery == Delivery.LATEST) {
            Sub.LatestSlot slot = sub.latest.get(target.topic);
            Sub.Box box = slot == null ? null : slot.newest.getAndSet(null);
            if (box != null) {
                pendingView.set(BusEvent.DELIVER, box.target, box.payload, box.priority, box.tsNanos, box.id);
                box.clear();
                slot.spare.compareAndSet(null, box); // the fields are copied: the box may be filled again
                try {
                    dispatch(pendingView.target.sub, pendingView.payload, pendingView);
                } finally {
                    pendingView.clear();
                }
            }
        } else {
            sub.tickScheduled.set(false);
            Sub.Pending p;
            int n = 0;
            while (n < 256 && (p = sub.window.poll()) != null) {
                sub.windowSize.decrementAndGet();
                deliverPending(p);
                n++;
            }
            if (!sub.window.isEmpty() && sub.tickScheduled.compareAndSet(false, true)) {
                enqueue(BusEvent.TICK, target, null, Priority.NORMAL, e.tsNanos, e.id);
            }
        }
    }

    private final BusEvent pendingView = new BusEvent();

    private void deliverPending(Sub.Pending p) {
        pendingView.set(p);
        try {
            dispatch(p.target().sub, p.payload(), pendingView);
        } finally {
            pendingView.clear();
        }
    }

    private void dispatch(Sub<?> sub, Object payload, BusEvent meta) {
        if (!sub.active) {
            return;
        }
        boolean sample = (st.handled++ & SAMPLE_MASK) == 0;
        long t0 = sample ? System.nanoTime() : 0L;
        try {
            sub.invoke(payload, meta);
            st.countDelivered();
        } catch (Throwable t) {
            countFailure(meta.topic(), t);
            failureSink.failed(this, meta.topic(), payload, t);
        }
        if (sample) {
            handlerLatency.record(System.nanoTime() - t0);
        }
    }

    private void logFailure(String topic, Throwable t) {
        long now = System.nanoTime();
        if (now - st.lastFailureLogNanos > TimeUnit.SECONDS.toNanos(10) || st.lastFailureLogNanos == 0) {
            LOG.warn("engine={} topic={} handler failed (dead-lettered to dlq.{}; {} similar failures suppressed since last log)",
                    engine, topic, engine, st.suppressedFailures, t);
            st.lastFailureLogNanos = now;
            st.suppressedFailures = 0;
        } else {
            st.suppressedFailures++;
        }
    }

    long delivered() {
        return st.delivered();
    }

    long failed() {
        return st.failed();
    }

    long backlog() {
        return urgent.backlog() + normal.backlog();
    }

    /** Stops accepting, drains what is queued (up to {@code timeoutMillis}), stops the thread. */
    void stop(long timeoutMillis) {
        accepting = false;
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
