package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded jar ({@code target/nautilus.jar}) started as a separate JVM, for process tests: started with a free
 * port range, its banner read for the engines and their ports, stopped with SIGTERM or killed with SIGKILL.
 */
final class NautilusProcess implements AutoCloseable {
    private static final Pattern BANNER_HEAD = Pattern.compile("^Nautilus \\S+: (\\d+) engines? up in \\d+ ms$");
    private static final Pattern BANNER_LINE = Pattern.compile("^\\s+(\\w+)\\s+http://127\\.0\\.0\\.1:(\\d+)$");
    static final Path JAR = Path.of(System.getProperty("nautilus.jar", "target/nautilus.jar"));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final List<String> output;
    private final List<String[]> engines;

    private NautilusProcess(Process process, List<String> output, List<String[]> engines) {
        this.process = process;
        this.output = output;
        this.engines = engines;
    }

    /** A port offset whose nine engine ports are all free. */
    static int freeOffset() throws IOException {
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

    /** Starts the jar with {@code --data-dir dataDir}, a free port offset and {@code extra}; waits for the banner. */
    static NautilusProcess start(Path dataDir, String... extra) throws Exception {
        var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-jar", JAR.toAbsolutePath().toString(),
                "--data-dir", dataDir.toString(), "--port-offset", Integer.toString(freeOffset())));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var output = new CopyOnWriteArrayList<String>();
        var engines = new CopyOnWriteArrayList<String[]>();
        var bannerDone = new CountDownLatch(1);
        Thread.ofPlatform().daemon(true).start(() -> {
            try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                int expected = -1;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    Matcher head = BANNER_HEAD.matcher(line);
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
        return new NautilusProcess(p, output, engines);
    }

    Process process() {
        return process;
    }

    List<String> output() {
        return output;
    }

    /** (engine cli name, port) of each running engine, in banner order. */
    List<String[]> engines() {
        return engines;
    }

    /** The HTTP port of a running engine. */
    int port(String engine) {
        return engines.stream().filter(e -> e[0].equals(engine)).map(e -> Integer.parseInt(e[1])).findFirst()
                .orElseThrow(() -> new AssertionError(engine + " is not running; engines: " + output));
    }

    /** SIGTERM (through the handle, so our end of its stdout stays open for the shutdown log); the exit code. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits within 30 s of SIGTERM").isTrue();
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A JSON request to 127.0.0.1:port; asserts the status and returns the body. */
    static JsonNode http(int port, String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = send(port, method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return Json.mapper().readTree(r.body());
    }

    /** A JSON request to 127.0.0.1:port, whatever its status. */
    static HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
