package io.nautilus.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WriteBehind} of the platform: a lock-free bounded queue ({@link #offer} is a few atomic operations,
 * safe on a ring thread) drained by one platform thread that writes batches through a {@link BatchSink}, retrying a
 * failed batch with backoff before anything newer. Engines get one from {@link EngineContext#writeBehind}; the host
 * closes it (flushing first) when the engine stops. Thread-safe.
 *
 * @param <T> the record written
 */
public final class WriteBehindWriter<T> implements WriteBehind<T>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindWriter.class);
    private static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final WriteBehindConfig config;
    private final BatchSink<T> sink;
    private final String owner;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    /** Records queued or in the batch being written. */
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Object progress = new Object();
    private final Thread thread;
    private volatile String lastError;
    private volatile boolean closing;
    private volatile boolean hurry;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;

    /**
     * Starts the writer thread.
     *
     * @param owner  the engine (thread name and log lines)
     * @param config batching and overflow rule
     * @param sink   writes one batch
     */
    public WriteBehindWriter(String owner, WriteBehindConfig config, BatchSink<T> sink) {
        this.owner = owner;
        this.config = config;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("write-" + owner + "-" + config.name()).daemon(true).start(this::run);
    }

    public WriteBehindConfig config() {
        return config;
    }

    @Override
    public boolean offer(T record) {
        if (record == null) {
            throw new IllegalArgumentException("record must not be null");
        }
        if (closing) {
            rejected.incrementAndGet();
            return false;
        }
        if (waiting.incrementAndGet() > config.capacity()) {
            if (config.overflow() == WriteBehindConfig.Overflow.REJECT) {
                waiting.decrementAndGet();
                rejected.incrementAndGet();
                return false;
            }
            // the dropped record leaves the count; if the writer holds them all (nothing to drop), the new one is
            // over capacity by one until the writer's batch is written
            if (queue.poll() != null) {
                dropped.incrementAndGet();
                waiting.decrementAndGet();
            }
        }
        queue.add(record);
        offered.incrementAndGet();
        LockSupport.unpark(thread);
        return true;
    }

    @Override
    public boolean flush(Duration timeout) {
        long target = offered.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        hurry = true;
        LockSupport.unpark(thread);
        synchronized (progress) {
            while (written.get() + dropped.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !thread.isAlive()) {
                    return written.get() + dropped.get() >= target;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public Stats stats() {
        return new Stats(config.name(), offered.get(), written.get(), waiting.get(), dropped.get(), rejected.get(),
                failures.get(), lastError);
    }

    /** Closes without waiting longer than 5 s for what is queued. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /**
     * Refuses new records, writes what is queued (retrying failures until {@code timeout}), then stops the thread.
     * Records still unwritten at the deadline are lost and logged with their count.
     */
    public void close(Duration timeout) {
        giveUpAtNanos = System.nanoTime() + timeout.toNanos();
        closing = true;
        hurry = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(1, timeout.toMillis() + 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long left = waiting.get();
        if (left > 0) {
            LOG.error("engine={} writer={} event=write_behind_lost records={} last_error={}", owner, config.name(), left,
                    lastError);
        }
    }

    private void run() {
        List<T> batch = new ArrayList<>(Math.min(config.maxBatch(), 4_096));
        long retryNanos = config.retryDelay().toNanos();
        while (true) {
            if (batch.isEmpty()) {
                drain(batch);
                if (batch.isEmpty()) {
                    if (closing) {
                        return;
                    }
                    hurry = false;
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                    continue;
                }
                linger(batch);
            }
            try {
                sink.write(List.copyOf(batch));
                written.addAndGet(batch.size());
                waiting.addAndGet(-batch.size());
                batch.clear();
                lastError = null;
                retryNanos = config.retryDelay().toNanos();
                synchronized (progress) {
                    progress.notifyAll();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (lastError == null) {
                    LOG.warn("engine={} writer={} event=write_behind_failed records={} (kept, retried)", owner,
                            config.name(), batch.size(), e);
                }
                lastError = message;
                if (closing && System.nanoTime() >= giveUpAtNanos) {
                    return;
                }
                LockSupport.parkNanos(this, Math.min(retryNanos, Math.max(1, giveUpAtNanos - System.nanoTime())));
                retryNanos = Math.min(MAX_RETRY_NANOS, retryNanos * 2);
            }
        }
    }

    private void drain(List<T> batch) {
        T r;
        while (batch.size() < config.maxBatch() && (r = queue.poll()) != null) {
            batch.add(r);
        }
    }

    /** Gathers more records for up to the linger time after the first one, unless flushing or closing. */
    private void linger(List<T> batch) {
        long lingerNanos = config.linger().toNanos();
        if (lingerNanos == 0) {
            return;
        }
        long until = System.nanoTime() + lingerNanos;
        while (batch.size() < config.maxBatch() && !hurry && !closing) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, left);
            drain(batch);
        }
        drain(batch);
    }
}
