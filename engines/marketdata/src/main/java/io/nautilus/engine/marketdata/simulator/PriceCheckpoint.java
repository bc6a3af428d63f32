package io.nautilus.engine.marketdata.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's last mid prices in a small text file ({@code SYMBOL price} per line), rewritten after every step
 * through a temporary file and an atomic rename, so that a restart (a SIGTERM, or a {@code kill -9} at any moment)
 * finds a whole file at most one step behind the last published quote and the simulator continues from there
 * instead of from its configured initial prices. Not thread-safe: {@link #save} is called from the simulator's one
 * timer thread.
 */
public final class PriceCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(PriceCheckpoint.class);

    private final Path file;
    private final Path temp;
    private final StringBuilder text = new StringBuilder(256);
    private boolean failing;

    /** @param file the checkpoint file (its directory must exist or be creatable) */
    public PriceCheckpoint(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
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
        for (String line : content.split("\n")) {
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

    /** Writes the simulator's current mid prices (whole file or nothing: temporary file, then atomic rename). */
    public void save(GbmSimulator simulator) {
        text.setLength(0);
        for (int i = 0; i < simulator.size(); i++) {
            // Double.toString round-trips exactly
            text.append(simulator.symbol(i)).append(' ').append(simulator.mid(i)).append('\n');
        }
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                LOG.warn("cannot write the simulator's last prices to {} (a restart would not continue from them): {}",
                        file, e.toString());
                failing = true;
            }
        } catch (UncheckedIOException e) {
            LOG.warn("cannot write {}: {}", file, e.toString());
        }
    }
}
