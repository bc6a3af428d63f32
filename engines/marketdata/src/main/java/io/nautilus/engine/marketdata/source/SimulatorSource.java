package io.nautilus.engine.marketdata.source;

import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.engine.WriteBehindConfig;
import io.nautilus.core.engine.Timer;
import io.nautilus.engine.marketdata.simulator.GbmSimulator;
import io.nautilus.engine.marketdata.simulator.PriceCheckpoint;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link GbmSimulator} as a live source: optionally first a backfill of {@code backfillDays} past days at
 * {@code backfillStepSeconds} steps (so daily bars exist from the start), then one step per {@code 1 / rate}
 * seconds stamped with the clock's time, each step's dt being the time since the previous one. The backfill runs on
 * a virtual thread of its own (it waits for each batch: back-pressure); the live steps run on the engine's ring
 * thread from {@link EngineContext#every} (a step that finds the previous one still queued is skipped, and the next
 * step's dt covers the gap). With a {@link PriceCheckpoint}, each step's prices are offered to a write-behind writer
 * ({@code simulator_prices}: it keeps only the newest, gathers for {@value #CHECKPOINT_LINGER_MS} ms and writes the
 * last one), so no file I/O runs on the ring thread at any rate: a SIGTERM writes the last step (writers are flushed
 * after the ring drains), a {@code kill -9} loses at most the last {@value #CHECKPOINT_LINGER_MS} ms of steps.
 * Thread-safe.
 */
public final class SimulatorSource implements MarketDataSource {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorSource.class);
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private final String name;
    private final GbmSimulator simulator;
    private final EngineContext ctx;
    private final int backfillDays;
    private final double backfillStepSeconds;
    /** At most this long between a step and its prices on disk (and at most 1,000 writes a second / this). */
    static final int CHECKPOINT_LINGER_MS = 10;
    private final WriteBehind<String> checkpoint;
    private volatile Thread backfilling;
    private volatile Timer steps;
    private volatile boolean closed;
    /** Ring thread only (after the backfill thread handed over by scheduling the steps). */
    private long lastStepNanos;

    /**
     * @param ctx        the engine's context: its clock, and its ring thread for the live steps
     * @param checkpoint where the last prices are written after every step (the backfill's last one included), or
     *                   null for none
     */
    public SimulatorSource(String name, GbmSimulator simulator, EngineContext ctx, int backfillDays,
                           double backfillStepSeconds, PriceCheckpoint checkpoint) {
        if (backfillDays < 0 || backfillDays > 10_000) {
            throw new IllegalArgumentException("backfill days must be in [0, 10000], got " + backfillDays);
        }
        if (!(backfillStepSeconds >= 1 && backfillStepSeconds <= 86_400)) {
            throw new IllegalArgumentException("backfill step must be in [1, 86400] s, got " + backfillStepSeconds);
        }
        this.name = name;
        this.simulator = simulator;
        this.ctx = ctx;
        this.backfillDays = backfillDays;
        this.backfillStepSeconds = backfillStepSeconds;
        this.checkpoint = checkpoint == null ? null : ctx.writeBehind(WriteBehindConfig.custom("simulator_prices")
                .capacity(2).maxBatch(2).linger(java.time.Duration.ofMillis(CHECKPOINT_LINGER_MS))
                .overflow(WriteBehindConfig.Overflow.DROP_OLDEST).build(), batch -> checkpoint.write(batch.getLast()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(TickSink sink) {
        backfilling = Thread.ofVirtual().name("md-" + name + "-backfill").start(() -> {
            try {
                backfill(sink);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.error("source={} backfill failed", name, e);
                }
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                lastStepNanos = ctx.clock().nowNanos();
                long period = Math.max(1, Math.round(1e9 / simulator.settings().rate()));
                steps = ctx.every(Duration.ofNanos(period), () -> step(sink));
            }
        });
    }

    private void backfill(TickSink sink) {
        if (backfillDays == 0) {
            return;
        }
        long today = Math.floorDiv(ctx.clock().nowNanos(), DAY_NANOS) * DAY_NANOS;
        long stepNanos = Math.round(backfillStepSeconds * 1e9);
        var out = new TickBatch.Builder(simulator.size() * 4);
        for (long t = today - backfillDays * DAY_NANOS + stepNanos; t < today && !closed; t += stepNanos) {
            simulator.step(t, backfillStepSeconds, name, out);
            if (out.size() >= 1000) {
                sink.submit(out.build()).join();
            }
        }
        if (out.size() > 0) {
            sink.submit(out.build()).join();
        }
        saveCheckpoint();
    }

    private void saveCheckpoint() {
        if (checkpoint != null) {
            checkpoint.offer(PriceCheckpoint.snapshot(simulator));
        }
    }

    /** On the ring thread. */
    private void step(TickSink sink) {
        try {
            long now = ctx.clock().nowNanos();
            double dt = Math.max(1e-6, (now - lastStepNanos) / 1e9);
            lastStepNanos = now;
            var out = new TickBatch.Builder(simulator.size() * 2);
            simulator.step(now, dt, name, out);
            saveCheckpoint();
            CompletableFuture<?> f = sink.submit(out.build());
            f.exceptionally(e -> {
                LOG.warn("source={} batch failed: {}", name, e.toString());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("source={} step failed", name, e);
        }
    }

    /**
     * Stops the steps and the backfill (a cancelled timer starts no further step); the host flushes the price
     * writer after the ring has drained.
     */
    @Override
    public void close() {
        Timer t;
        synchronized (this) {
            closed = true;
            t = steps;
        }
        if (t != null) {
            t.cancel();
        }
        Thread b = backfilling;
        if (b != null) {
            try {
                b.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
