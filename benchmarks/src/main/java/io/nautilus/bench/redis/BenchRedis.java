package io.nautilus.bench.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway {@code redis-server} (from PATH) on a free port, no persistence, for the Redis load scripts, so
 * that they never load the shared server. Not thread-safe.
 */
final class BenchRedis implements AutoCloseable {
    final int port;
    private final Process process;
    private final Path dir;

    private BenchRedis(int port, Process process, Path dir) {
        this.port = port;
        this.process = process;
        this.dir = dir;
    }

    /** Logs at WARN: without a logback.xml logback logs DEBUG, and Lettuce's per-command DEBUG lines dominate. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static BenchRedis start() throws IOException, InterruptedException {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("bench-redis-");
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (var ignored = new Socket("127.0.0.1", port)) {
                return new BenchRedis(port, p, dir);
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        p.destroyForcibly();
        throw new IOException("redis-server did not listen on " + port + " within 10 s; see " + dir.resolve("redis.log"));
    }

    /** CPU time redis-server has used so far (user + system, from /proc; 10 ms resolution), or -1 if unknown. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime in 100 Hz ticks
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
