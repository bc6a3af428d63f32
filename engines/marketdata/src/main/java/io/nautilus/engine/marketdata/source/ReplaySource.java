package io.nautilus.engine.marketdata.source;

import io.nautilus.engine.marketdata.csv.CsvTickReader;
import io.nautilus.engine.marketdata.tick.ParsedBatch;
import io.nautilus.engine.marketdata.tick.TickBatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a CSV file (any layout {@link CsvTickReader} reads) with the records' original event times. With
 * {@code speed} 0 it goes as fast as the engine takes the batches (waiting for each before the next); with a
 * speed factor s &gt; 0 it sleeps so that event time advances s times faster than wall time (86,400 replays a day
 * of data per second). The last batch is marked final, so the engine closes the replayed symbols' open bars.
 * Runs on its own virtual thread; {@link #status()} says how far it got and why it failed. Thread-safe.
 */
public final class ReplaySource implements MarketDataSource {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaySource.class);

    /** Where a replay is: not started, running, done (whole file replayed), failed, or closed before the end. */
    public enum State implements io.nautilus.core.model.WireName {
        PENDING, RUNNING, DONE, FAILED, CLOSED
    }

    /**
     * A replay's progress. Immutable.
     *
     * @param file     the file replayed
     * @param state    where it is
     * @param accepted records the engine accepted so far
     * @param error    why it failed, or null
     */
    public record Status(Path file, State state, long accepted, String error) {
    }

    private final String name;
    private final Path file;
    private final String defaultSymbol;
    private final long barNanos;
    private final double speed;
    private final AtomicLong replayed = new AtomicLong();
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private volatile Thread thread;
    private volatile boolean closed;
    private volatile State state = State.PENDING;
    private volatile String error;

    /**
     * @param name          source name
     * @param file          CSV file
     * @param defaultSymbol symbol of a bar file without a symbol column
     * @param barNanos      span of one bar row
     * @param speed         0 for as fast as possible, else event-time speed-up over wall time (&gt; 0)
     */
    public ReplaySource(String name, Path file, String defaultSymbol, long barNanos, double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be 0 (as fast as possible) or > 0, got " + speed);
        }
        this.name = name;
        this.file = file;
        this.defaultSymbol = defaultSymbol;
        this.barNanos = barNanos;
        this.speed = speed;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Fails unless {@code file} is a readable regular file; the message names the setting {@code key} and the path.
     * Called at engine start so a wrong path stops the start instead of failing later on the replay thread.
     */
    public static void checkReadable(String key, Path file) {
        String problem = !Files.exists(file) ? "does not exist" : !Files.isRegularFile(file) ? "is not a regular file"
                : !Files.isReadable(file) ? "is not readable" : null;
        if (problem != null) {
            throw new IllegalArgumentException("setting " + key + ": replay file '" + file.toAbsolutePath() + "' "
                    + problem);
        }
    }

    /** Progress now. */
    public Status status() {
        return new Status(file, state, replayed.get(), error);
    }

    /** Completes with the number of records accepted once the file is replayed (or fails with the error). */
    public CompletableFuture<Long> done() {
        return done;
    }

    @Override
    public void start(TickSink sink) {
        state = State.RUNNING;
        thread = Thread.ofVirtual().name("md-" + name).start(() -> {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                var reader = new CsvTickReader(name, defaultSymbol, barNanos, speed > 0 ? 64 : 1000);
                var pacer = new long[] {Long.MIN_VALUE, 0};
                reader.read(in, parsed -> submit(sink, parsed, pacer));
                if (!closed) {
                    sink.submit(new TickBatch.Builder(1).buildFinal(name)).join();
                }
                state = closed ? State.CLOSED : State.DONE;
                done.complete(replayed.get());
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    state = State.CLOSED;
                } else {
                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    state = State.FAILED;
                    LOG.error("source={} replay of {} failed", name, file, e);
                }
                done.completeExceptionally(e);
            }
        });
    }

    private void submit(TickSink sink, ParsedBatch parsed, long[] pacer) {
        if (closed) {
            throw new IllegalStateException("replay " + name + " closed");
        }
        TickBatch b = parsed.batch();
        if (speed > 0 && b.size() > 0) {
            pace(b.tsNanos(0), pacer);
        }
        replayed.addAndGet(sink.submit(parsed).join().accepted());
        if (!parsed.rejected().isEmpty()) {
            LOG.warn("source={} {} unreadable rows in {}, first: {}", name, parsed.rejected().size(), file,
                    parsed.rejected().getFirst());
        }
    }

    /** Sleeps until wall time has advanced (event time advanced) / speed since the first batch. */
    private void pace(long eventNanos, long[] pacer) {
        if (pacer[0] == Long.MIN_VALUE) {
            pacer[0] = eventNanos;
            pacer[1] = System.nanoTime();
            return;
        }
        long due = pacer[1] + (long) ((eventNanos - pacer[0]) / speed);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(java.time.Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("replay " + name + " interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
