package io.nautilus.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import redis.embedded.core.ExecutableProvider;

/**
 * Where a {@code redis-server} executable comes from: the machine's (first {@code redis-server} on
 * {@code PATH}) or the one shipped inside the embedded-redis 1.4.3 Maven artifact (Redis 6.2.6, extracted to a
 * temporary file by that library). Stateless, thread-safe.
 */
final class RedisBinary {

    private RedisBinary() {
    }

    /** The machine's binary if there is one on {@code PATH}, else the shipped one. */
    static Path preferred() {
        return onPath().orElseGet(RedisBinary::shipped);
    }

    /** The first executable {@code redis-server} in the directories of {@code PATH}. */
    static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The binary shipped in the embedded-redis artifact for this OS and architecture. */
    static Path shipped() {
        try {
            File file = ExecutableProvider.newJarResourceProvider().get();
            if (!file.canExecute() && !file.setExecutable(true)) {
                throw new IOException("cannot make " + file + " executable");
            }
            return file.toPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the redis-server shipped in embedded-redis", e);
        }
    }
}
