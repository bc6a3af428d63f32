package io.nautilus.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the real market data shared by tests ({@code shared/data}: see its README.md for the files). The
 * directory is the first existing one of: the system property {@value #PROPERTY} (surefire sets it), then
 * {@code ../shared/data} next to the repository root (the nearest directory above the working directory holding
 * {@code mvnw}), then {@value #FALLBACK}. Stateless, thread-safe.
 */
public final class SharedData {

    /** System property naming the shared data directory. */
    public static final String PROPERTY = "nautilus.shared.data";
    /** The last place looked at. */
    public static final String FALLBACK = "/work/shared/data";

    private SharedData() {
    }

    /**
     * The shared data directory.
     *
     * @throws IllegalStateException naming every place tried, if none exists
     */
    public static Path dir() {
        List<Path> tried = candidates();
        for (Path p : tried) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("shared data directory not found; tried " + tried
                + ". Set -D" + PROPERTY + "=/path/to/shared/data");
    }

    /**
     * A file of the shared data directory, e.g. {@code path("ttrc_daily_ohlcv.csv")}.
     *
     * @throws IllegalStateException if the directory or the file does not exist
     */
    public static Path path(String fileName) {
        Path dir = dir();
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared data file " + fileName + " not found in " + dir);
        }
        return file;
    }

    /** Reads a shared CSV file by name; see {@link CsvColumns#read(Path)}. */
    public static CsvColumns csv(String fileName) {
        return CsvColumns.read(path(fileName));
    }

    static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                Path parent = dir.getParent();
                if (parent != null) {
                    candidates.add(parent.resolve("shared/data"));
                }
                break;
            }
        }
        candidates.add(Path.of(FALLBACK));
        return candidates;
    }
}
