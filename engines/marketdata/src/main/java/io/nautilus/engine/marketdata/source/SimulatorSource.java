package io.nautilus.engine.marketdata.source;

import io.nautilus.core.time.Clock;
import io.nautilus.engine.marketdata.simulator.GbmSimulator;
import io.nautilus.engine.marketdata.simulator.PriceCheckpoint;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link GbmSimulator} as a live source: optionally first a backfill of {@code backfillDays} past days at
 * {@code backfillStepSeconds} steps (so daily bars exist from the start), then one step per {@code 1 / rate}
 * seconds stamped with the clock's time, each step's dt being the time since the previous one. With a
 * {@link PriceCheckpoint}, the prices are written after every step (before the step's batch is handed over), so a
 * restart can continue from them. Thread-safe.
 */
public final class SimulatorSource implements MarketDataSource {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorSource.class);
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private final String name;
    private final GbmSimulator simulator;
    private final Clock clock;
    private final int backfillDays;
    private final double backfillStepSeconds;
    private final ScheduledExecutorService timer;
    private final PriceCheckpoint checkpoint;
    private long lastStepNanos;

    public SimulatorSource(String name, GbmSimulator simulator, Clock clock, int backfillDays,
                           double backfillStepSeconds) {
        this(name, simulator, clock, backfillDays, backfillStepSeconds, null);
    }

    /**
     * @param checkpoint where the last prices are written after every step (the backfill's last one included), or
     *                   null for none
     */
    public SimulatorSource(String name, GbmSimulator simulator, Clock clock, int backfillDays,
                           double backfillStepSeconds, PriceCheckpoint checkpoint) {
        if (backfillDays < 0 || backfillDays > 10_000) {
            throw new IllegalArgumentException("backfill days must be in [0, 10000], got " + backfillDays);
        }
        if (!(backfillStepSeconds >= 1 && backfillStepSeconds <= 86_400)) {
            throw new IllegalArgumentException("backfill step must be in [1, 86400] s, got " + backfillStepSeconds);
        }
        this.name = name;
        this.simulator = simulator;
        this.clock = clock;
        this.backfillDays = backfillDays;
        this.backfillStepSeconds = backfillStepSeconds;
        this.checkpoint = checkpoint;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("md-" + name).daemon(true).factory());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(TickSink sink) {
        timer.execute(() -> {
            try {
                backfill(sink);
            } catch (RuntimeException e) {
                LOG.error("source={} backfill failed", name, e);
            }
            lastStepNanos = clock.nowNanos();
            long period = Math.max(1, Math.round(1e9 / simulator.settings().rate()));
            timer.scheduleAtFixedRate(() -> step(sink), period, period, TimeUnit.NANOSECONDS);
        });
    }

    private void backfill(TickSink sink) {
        if (backfillDays == 0) {
            return;
        }
        long today = Math.floorDiv(clock.nowNanos(), DAY_NANOS) * DAY_NANOS;
        long stepNanos = Math.round(backfillStepSeconds * 1e9);
        var out = new TickBatch.Builder(simulator.size() * 4);
        for (long t = today - backfillDays * DAY_NANOS + stepNanos; t < today; t += stepNanos) {
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
            checkpoint.save(simulator);
        }
    }

    private void step(TickSink sink) {
        try {
            long now = clock.nowNanos();
            double dt = Math.max(1e-6, (now - lastStepNanos) / 1e9);
            lastStepNanos = now;
            var out = new TickBatch.Builder(simulator.size() * 2);
            simulator.step(now, dt, name, out);
            // before the hand-off: a restart continues from at most this step, never from an older price
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

    @Override
    public void close() {
        timer.shutdownNow();
        if (checkpoint != null) {
            try {
                // a step may be writing the checkpoint: let it finish before the file is closed
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpoint.close();
        }
    }
}
