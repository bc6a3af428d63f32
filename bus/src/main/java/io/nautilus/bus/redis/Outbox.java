package io.nautilus.bus.redis;

import io.nautilus.bus.Envelope;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Messages waiting to be appended to Redis, in publish order: a bounded in-memory queue, and optionally a spill
 * file that takes over once memory is full. While anything is spilled every new message goes to the file too, so
 * the drain order (memory first, then the file) is the publish order of each publisher. Without a spill file a
 * message that finds memory full is dropped and counted ({@link #dropped()}), never blocking the publisher.
 *
 * <p>The spill file ({@code outbox-<node>.spill}, one {@code <stream key> <json>} line per message) bounds memory,
 * not durability: it is written through a buffer and deleted on close; a crash loses what it holds, like memory.
 *
 * <p>Thread-safety: {@link #offer} from any thread (lock-free in the common case: one bounded-queue insert; a lock
 * while spilling); {@link #drain} from one exporter thread.
 */
final class Outbox implements AutoCloseable {
    /** One message ready for XADD. */
    record Outgoing(String key, byte[] body) {
    }

    private final ArrayBlockingQueue<Envelope> memory;
    private final Function<Envelope, Outgoing> encoder;
    private final Function<Envelope, Outgoing> drainEncoder;
    private final Path spillPath;
    private final Object spillLock = new Object();
    private volatile boolean spilling;
    private OutputStream spillOut;
    private FileChannel spillIn;
    private long readPos;
    private final AtomicLong spillDepth = new AtomicLong();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder spilled = new LongAdder();

    /**
     * @param capacity  messages held in memory
     * @param spillPath spill file, or null to drop when memory is full
     * @param encoder   turns an envelope into its stream entry, or null when it cannot be encoded (skipped)
     */
    Outbox(int capacity, Path spillPath, Function<Envelope, Outgoing> encoder) {
        this(capacity, spillPath, encoder, encoder);
    }

    /**
     * @param encoder      thread-safe encoder of the spill path (publisher threads)
     * @param drainEncoder encoder of {@link #drain} (the exporter thread only), the same output
     */
    Outbox(int capacity, Path spillPath, Function<Envelope, Outgoing> encoder, Function<Envelope, Outgoing> drainEncoder) {
        this.memory = new ArrayBlockingQueue<>(capacity);
        this.encoder = encoder;
        this.drainEncoder = drainEncoder;
        this.spillPath = spillPath;
    }

    /** The exporter thread while it waits for replies and new messages at once, or null. */
    private volatile Thread sleeper;

    /** Sets the thread that {@link #offer} wakes (or null): the caller then parks while {@link #isEmpty()}. */
    void sleeper(Thread t) {
        sleeper = t;
    }

    private void wake() {
        Thread t = sleeper;
        if (t != null) {
            java.util.concurrent.locks.LockSupport.unpark(t);
        }
    }

    /** Queues a message; false if it was dropped (memory full and no spill file). Never blocks on Redis. */
    boolean offer(Envelope e) {
        if (!spilling && memory.offer(e)) {
            wake();
            return true;
        }
        if (spillPath == null) {
            dropped.increment();
            return false;
        }
        Outgoing o = encoder.apply(e);
        if (o == null) {
            return true; // counted by the encoder
        }
        synchronized (spillLock) {
            spilling = true;
            try {
                if (spillOut == null) {
                    Files.createDirectories(spillPath.getParent());
                    spillOut = new BufferedOutputStream(Files.newOutputStream(spillPath, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16);
                    spillIn = FileChannel.open(spillPath, StandardOpenOption.READ);
                    readPos = 0;
                }
                spillOut.write(o.key().getBytes(StandardCharsets.UTF_8));
                spillOut.write(' ');
                spillOut.write(o.body());
                spillOut.write('\n');
            } catch (IOException ex) {
                dropped.increment();
                throw new UncheckedIOException("cannot write the outbox spill file " + spillPath, ex);
            }
            spillDepth.incrementAndGet();
            spilled.increment();
        }
        wake();
        return true;
    }

    /**
     * Moves up to {@code max} messages, oldest first, into {@code into} (encoded), waiting up to {@code waitNanos}
     * for the first. Memory is drained before the spill file. Exporter thread only.
     */
    int drain(List<Outgoing> into, int max, long waitNanos) throws InterruptedException {
        int n = 0;
        Envelope first = memory.isEmpty() && !spilling ? memory.poll(waitNanos, TimeUnit.NANOSECONDS) : memory.poll();
        if (first != null) {
            n += add(into, first);
            var batch = new java.util.ArrayList<Envelope>(Math.min(max, memory.size()));
            memory.drainTo(batch, max - 1);
            for (Envelope e : batch) {
                n += add(into, e);
            }
            return n;
        }
        if (spilling) {
            n = readSpill(into, max);
        }
        return n;
    }

    private int add(List<Outgoing> into, Envelope e) {
        Outgoing o = drainEncoder.apply(e);
        if (o == null) {
            return 0;
        }
        into.add(o);
        return 1;
    }

    private int readSpill(List<Outgoing> into, int max) {
        synchronized (spillLock) {
            try {
                spillOut.flush();
                long size = spillIn.size();
                if (readPos >= size) {
                    // everything spilled has been read: back to memory, and reclaim the disk
                    spillOut.close();
                    spillIn.close();
                    spillOut = null;
                    Files.deleteIfExists(spillPath);
                    spilling = false;
                    return 0;
                }
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - readPos, 4 << 20));
                spillIn.read(buf, readPos);
                byte[] a = buf.array();
                int limit = buf.position();
                int start = 0;
                int n = 0;
                for (int i = 0; i < limit && n < max; i++) {
                    if (a[i] == '\n') {
                        int sp = indexOf(a, start, i, (byte) ' ');
                        into.add(new Outgoing(new String(a, start, sp - start, StandardCharsets.UTF_8),
                                java.util.Arrays.copyOfRange(a, sp + 1, i)));
                        n++;
                        start = i + 1;
                    }
                }
                readPos += start;
                spillDepth.addAndGet(-n);
                return n;
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the outbox spill file " + spillPath, ex);
            }
        }
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("corrupt outbox spill line (no stream key separator)");
    }

    /** Messages waiting (memory and spill file). */
    long depth() {
        return memory.size() + spillDepth.get();
    }

    /** True if nothing waits. */
    boolean isEmpty() {
        return memory.isEmpty() && !spilling;
    }

    /** Messages dropped because memory was full and there is no spill file. */
    long dropped() {
        return dropped.sum();
    }

    /** Messages that went through the spill file. */
    long spilled() {
        return spilled.sum();
    }

    /** Closes and deletes the spill file (whatever it still holds is lost). */
    @Override
    public void close() {
        synchronized (spillLock) {
            try {
                if (spillOut != null) {
                    spillOut.close();
                    spillIn.close();
                    spillOut = null;
                }
                if (spillPath != null) {
                    Files.deleteIfExists(spillPath);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot delete the outbox spill file " + spillPath, ex);
            }
        }
    }
}
