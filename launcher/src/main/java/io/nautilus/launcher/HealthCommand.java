package io.nautilus.launcher;

import io.nautilus.core.http.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code nautilus health --port 8200}: asks an engine's {@code /health} and exits 0 when it answers healthy or
 * degraded, 1 otherwise. For container HEALTHCHECKs (needs no curl).
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Check an engine's /health; exit 0 if healthy or degraded, 1 otherwise.")
final class HealthCommand implements Callable<Integer> {
    @Option(names = "--host", description = "Engine host (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", required = true, description = "Engine HTTP port, e.g. 8200.")
    int port;

    @Option(names = "--timeout-ms", description = "Give up after this long (default: ${DEFAULT-VALUE}).", defaultValue = "3000")
    int timeoutMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be in [1, 65535], got " + port);
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMs)).build()) {
            var req = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/health"))
                    .timeout(Duration.ofMillis(timeoutMs)).GET().build();
            var resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            String status = resp.statusCode() == 200 ? Json.mapper().readTree(resp.body()).path("status").asText("") : "";
            boolean ok = status.equals("healthy") || status.equals("degraded");
            spec.commandLine().getOut().println((ok ? "OK " : "FAIL ") + host + ":" + port + " " + resp.statusCode() + " " + status);
            return ok ? 0 : 1;
        } catch (Exception e) {
            spec.commandLine().getErr().println("FAIL " + host + ":" + port + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }
}
