package io.nautilus.engine.marketdata.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's last mid prices in a small text file ({@code SYMBOL price} per line, then a line {@code end}),
 * rewritten in place after every step with one positioned {@code write} (then a truncate when it got shorter), so
 * that a restart (a SIGTERM, or a {@code kill -9} at any moment: a process's death does not cut a write to the page
 * cache in half) finds the prices at most one step behind the last published quote, and the simulator continues
 * from there instead of from its configured initial prices. A file without its {@code end} line (a torn write after
 * a power loss, or stale bytes after it) is not trusted: only the lines before {@code end} count. One save costs
 * about 25 us (8 symbols), where a temporary file and a rename cost 740 us on the development machine; the
 * {@code SimulatorSource} writes from the engine's write-behind thread, never on the ring. {@link #write} is called
 * from one thread at a time.
 */
public final class PriceCheckpoint {
    /** The last line of a whole file. */
    static final String END = "end";
    private static final Logger LOG = LoggerFactory.getLogger(PriceCheckpoint.class);

    private final Path file;
    private volatile boolean failing;

    /** @param file the checkpoint file (its directory must exist) */
    public PriceCheckpoint(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The stored prices, in file order; empty when there is no file. Lines that are not a symbol and a finite
     * positive price are skipped with a warning (a hand-edited file never stops a start).
     */
    public Map<String, Double> load() {
        var prices = new LinkedHashMap<String, Double>();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return prices;
        } catch (IOException e) {
            LOG.warn("cannot read the simulator's last prices from {}: {}; starting from the configured prices", file,
                    e.toString());
            return prices;
        }
        if (!content.contains(END + "\n")) {
            LOG.warn("{} has no '{}' line (cut short): not used; continuing from the last daily closes", file, END);
            return prices;
        }
        for (String line : content.split("\n")) {
            if (line.trim().equals(END)) {
                break;
            }
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            try {
                double p = Double.parseDouble(parts[1]);
                if (Double.isFinite(p) && p > 0) {
                    prices.put(parts[0], p);
                    continue;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            LOG.warn("skipping line '{}' of {}: not a symbol and a positive price", line, file);
        }
        return prices;
    }

    /**
     * The simulator's current mid prices as the file's text: built on the ring thread after a step (a few hundred
     * characters, no I/O); {@link #write} puts it on disk from the engine's write-behind thread.
     */
    public static String snapshot(GbmSimulator simulator) {
        var text = new StringBuilder(32 * simulator.size() + 8);
        for (int i = 0; i < simulator.size(); i++) {
            // Double.toString round-trips exactly
            text.append(simulator.symbol(i)).append(' ').append(simulator.mid(i)).append('\n');
        }
        return text.append(END).append('\n').toString();
    }

    /** Writes a {@link #snapshot} over the file (one write, then a truncate if it got shorter). */
    public void write(String snapshot) {
        byte[] bytes = snapshot.getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            var buffer = ByteBuffer.wrap(bytes);
            long position = 0;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            if (channel.size() > bytes.length) {
                channel.truncate(bytes.length);
            }
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                LOG.warn("cannot write the simulator's last prices to {} (a restart would not continue from them): {}",
                        file, e.toString());
                failing = true;
            }
        }
    }

    /** {@link #write} of the simulator's prices now, on the caller's thread. */
    public void save(GbmSimulator simulator) {
        write(snapshot(simulator));
    }
}
