package io.nautilus.bus.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Test support: a {@link RedisNodeMain} in its own JVM, started with {@code java -cp <test classpath>}, its output
 * lines collected.
 */
final class NodeProcess implements AutoCloseable {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    private NodeProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon(true).name("out-" + process.pid()).start(() -> {
            try (var r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died: what it printed is in lines
            }
        });
    }

    static NodeProcess start(String... args) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-Xmx256m", "-XX:+UseSerialGC", "-cp", cp,
                RedisNodeMain.class.getName()));
        cmd.addAll(List.of(args));
        return new NodeProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    /** Waits until a line matches. */
    void awaitLine(Predicate<String> p, Duration timeout) {
        await().atMost(timeout).until(() -> lines.stream().anyMatch(p) || !process.isAlive());
        if (lines.stream().noneMatch(p)) {
            throw new AssertionError("process " + process.pid() + " exited (" + process.exitValue() + ") without the line; output:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    long count(Predicate<String> p) {
        return lines.stream().filter(p).count();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
