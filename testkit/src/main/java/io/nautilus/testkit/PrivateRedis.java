package io.nautilus.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server process owned by one test: on its own free port on 127.0.0.1, with its own data directory,
 * append-only file on and fsync on every write, so that {@link #stop()} (or even {@link #kill()}) followed by
 * {@link #start()} brings back the same server, same port, same data. Fault tests use it to take Redis away and
 * give it back without touching the shared server of {@link TestRedis}.
 *
 * <p>Obtain one with {@link TestRedis#startPrivate()}; close it when done (stops the process and deletes the data
 * directory). Thread-safe: lifecycle methods are synchronized.
 */
public final class PrivateRedis implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    /** How the server keeps data across restarts. */
    enum Persistence {
        /** Append-only file, fsync on every write: survives stop/start and kill/start. */
        APPEND_ONLY(List.of("--appendonly", "yes", "--appendfsync", "always")),
        /** Nothing on disk: the fast choice for the shared server, which is never restarted. */
        NONE(List.of("--appendonly", "no"));

        private final List<String> args;

        Persistence(List<String> args) {
            this.args = args;
        }
    }

    private final Path binary;
    private final Persistence persistence;
    private final int port;
    private final Path dataDir;
    private Process process;
    private boolean closed;

    private PrivateRedis(Path binary, Persistence persistence, int port, Path dataDir) {
        this.binary = binary;
        this.persistence = persistence;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts a new server from {@code binary} on a free port with a fresh temporary data directory. */
    static PrivateRedis launch(Path binary, Persistence persistence) {
        try {
            var redis = new PrivateRedis(binary, persistence, Ports.free(), Files.createTempDirectory("nautilus-redis-"));
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for a private redis-server", e);
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** The TCP port, the same across stop/start. */
    public int port() {
        return port;
    }

    /** The data directory (append-only file, log {@code redis.log}), the same across stop/start. */
    public Path dataDir() {
        return dataDir;
    }

    /** The executable this server runs. */
    public Path binary() {
        return binary;
    }

    /** True while the process is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the process (no-op if running) and waits until it answers PING.
     *
     * @throws IllegalStateException if closed, or if the server does not answer within 15 s (the message names
     *                               the log file to read)
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this private redis on port " + port + " is closed");
        }
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dataDir.toString(),
                "--daemonize", "no", "--save", "", "--logfile", ""));
        command.addAll(persistence.args);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + " on port " + port, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Resp.ping("127.0.0.1", port, Resp.PROBE_TIMEOUT)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server " + binary + " did not answer PING on port " + port
                + " within " + START_TIMEOUT.toSeconds() + " s; see " + dataDir.resolve("redis.log"));
    }

    /**
     * Stops the server gracefully ({@code SHUTDOWN}: flushes the append-only file) and waits for the process to
     * exit; kills it if it has not exited within 15 s. No-op if not running.
     */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        try {
            Resp.call("127.0.0.1", port, Resp.PROBE_TIMEOUT, "SHUTDOWN");
        } catch (IOException expected) {
            // SHUTDOWN answers by closing the connection; a failure here is settled by waiting or killing below.
        }
        awaitExit();
    }

    /** Kills the process at once (SIGKILL), as a crash would. No-op if not running. */
    public synchronized void kill() {
        if (!isRunning()) {
            return;
        }
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // The port must be free again before start() binds it.
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (Ports.accepts("127.0.0.1", port, Resp.PROBE_TIMEOUT) && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    /** Stops the server and deletes its data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        Files2.deleteRecursively(dataDir);
    }

    @Override
    public String toString() {
        return "PrivateRedis[" + uri() + ", " + binary + "]";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }
}
