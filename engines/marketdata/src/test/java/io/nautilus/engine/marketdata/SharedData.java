package io.nautilus.engine.marketdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data files: system property {@code nautilus.shared.data}, else /work/shared/data. */
public final class SharedData {
    private SharedData() {
    }

    public static Path file(String name) {
        String dir = System.getProperty("nautilus.shared.data");
        Path p = dir == null ? null : Path.of(dir, name);
        return p != null && Files.exists(p) ? p : Path.of("/work/shared/data", name);
    }
}
