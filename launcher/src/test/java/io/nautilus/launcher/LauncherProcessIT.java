package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.engine.EngineId;
import io.nautilus.core.http.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar started as a separate JVM: all-in-one mode, subset mode, and graceful shutdown on SIGTERM.
 */
class LauncherProcessIT {
    private static final Pattern BANNER_LINE = Pattern.compile("^\\s+(\\w+)\\s+http://127\\.0\\.0\\.1:(\\d+)$");
    private static final Path JAR = Path.of(System.getProperty("nautilus.jar", "target/nautilus.jar"));

    private record Started(Process process, List<String> output, List<String[]> engines) {
    }

    private static int freeOffset() throws IOException {
        // pick an offset whose nine ports are all free: try a few random bases above the defaults
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 20_000 + (int) (Math.random() * 30_000) / 100 * 100;
            boolean free = true;
            for (EngineId id : EngineId.values()) {
                try (var s = new ServerSocket(id.defaultPort() + offset)) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return offset;
            }
        }
        throw new IOException("no free port range found");
    }

    private static Started start(Path dataDir, String... extra) throws Exception {
        var cmd = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-jar", JAR.toAbsolutePath().toString(),
                "--data-dir", dataDir.toString(), "--port-offset", Integer.toString(freeOffset())));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var output = new CopyOnWriteArrayList<String>();
        var engines = new CopyOnWriteArrayList<String[]>();
        var bannerDone = new java.util.concurrent.CountDownLatch(1);
        Thread.ofPlatform().daemon(true).start(() -> {
            try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                int expected = -1;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    Matcher head = Pattern.compile("^Nautilus \\S+: (\\d+) engines? up in \\d+ ms$").matcher(line);
                    if (head.matches()) {
                        expected = Integer.parseInt(head.group(1));
                        if (expected == 0) {
                            bannerDone.countDown();
                        }
                    }
                    Matcher m = BANNER_LINE.matcher(line);
                    if (m.matches()) {
                        engines.add(new String[] {m.group(1), m.group(2)});
                        if (engines.size() == expected) {
                            bannerDone.countDown();
                        }
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            bannerDone.countDown();
        });
        assertThat(bannerDone.await(60, TimeUnit.SECONDS)).as("banner within 60 s; output: %s", output).isTrue();
        assertThat(p.isAlive()).as("process alive; output: %s", output).isTrue();
        return new Started(p, output, engines);
    }

    private static void assertHealthy(String engine, int port) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(engine).isEqualTo(200);
            var body = Json.mapper().readTree(r.body());
            assertThat(body.get("engine").asText()).isEqualTo(engine);
            assertThat(body.get("status").asText()).isIn("healthy", "degraded");
        }
    }

    private static int stop(Started s) throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close our end of its stdout, and the child
        // could no longer print its shutdown log
        s.process().toHandle().destroy();
        assertThat(s.process().waitFor(30, TimeUnit.SECONDS)).as("exits within 30 s of SIGTERM").isTrue();
        return s.process().exitValue();
    }

    @Test
    void test_allInOne_startsEveryRegisteredEngineAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Set<String> registered = new TreeSet<>();
        NautilusComponent.create().engines().keySet().forEach(id -> registered.add(id.cliName()));
        Started s = start(dir);
        try {
            Set<String> running = new TreeSet<>();
            for (String[] e : s.engines()) {
                running.add(e[0]);
                assertHealthy(e[0], Integer.parseInt(e[1]));
            }
            assertThat(running).isEqualTo(registered);
        } finally {
            int code = stop(s);
            assertThat(code).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && s.output().stream().noneMatch(l -> l.contains("event=stopped"))) {
                Thread.sleep(50);
            }
            assertThat(s.output()).as("output after SIGTERM").anyMatch(l -> l.contains("event=stopped"));
        }
    }

    @Test
    void test_subset_startsOnlyTheNamedEngine(@TempDir Path dir) throws Exception {
        var registered = new ArrayList<>(NautilusComponent.create().engines().keySet());
        assertThat(registered).as("this build registers at least one engine").isNotEmpty();
        EngineId one = registered.getFirst();
        Started s = start(dir, "--engine", one.cliName());
        try {
            assertThat(s.engines()).hasSize(1);
            assertThat(s.engines().getFirst()[0]).isEqualTo(one.cliName());
            assertHealthy(one.cliName(), Integer.parseInt(s.engines().getFirst()[1]));
        } finally {
            stop(s);
        }
    }

    @Test
    void test_badOption_exitsWithUsageError(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "--engine", "nope").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("unknown engine 'nope'");
    }
}
