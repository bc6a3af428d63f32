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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * The shaded jar started as a separate JVM: all-in-one mode, subset mode, graceful shutdown on SIGTERM, and the
 * Portfolio engine's journal surviving {@code kill -9}.
 */
class LauncherProcessIT {
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

    @Test
    void test_allInOne_startsEveryRegisteredEngineAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Set<String> registered = new TreeSet<>();
        NautilusComponent.create().engines().keySet().forEach(id -> registered.add(id.cliName()));
        NautilusProcess s = NautilusProcess.start(dir);
        try {
            Set<String> running = new TreeSet<>();
            for (String[] e : s.engines()) {
                running.add(e[0]);
                assertHealthy(e[0], Integer.parseInt(e[1]));
            }
            assertThat(running).isEqualTo(registered);
        } finally {
            int code = s.stop();
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
        NautilusProcess s = NautilusProcess.start(dir, "--engine", one.cliName());
        try {
            assertThat(s.engines()).hasSize(1);
            assertThat(s.engines().getFirst()[0]).isEqualTo(one.cliName());
            assertHealthy(one.cliName(), Integer.parseInt(s.engines().getFirst()[1]));
        } finally {
            s.stop();
        }
    }

    /** The durable part of a portfolio view (marks differ: after a restart the last fill price is the mark). */
    private static String durable(JsonNode p) {
        var sb = new StringBuilder().append(p.get("cash_balance")).append('|').append(p.get("realized_pnl")).append('|')
                .append(p.get("fees")).append('|').append(p.get("open_orders"));
        for (JsonNode pos : p.get("positions")) {
            sb.append('|').append(pos.get("symbol")).append(':').append(pos.get("quantity")).append('@')
                    .append(pos.get("average_cost")).append(" realized ").append(pos.get("realized_pnl"))
                    .append(" lots ").append(pos.get("lots"));
        }
        return sb.toString();
    }

    @Test
    void test_portfolio_killMinus9BeforeTheStoreApplyLosesNoFill(@TempDir Path dir) throws Exception {
        // the store applier waits an hour: the fills below are only in the journal when the process is killed
        Path config = dir.resolve("nautilus.properties");
        Files.writeString(config, "portfolio.journal.apply.interval.ms=3600000\nportfolio.snapshot.interval.seconds=0\n");
        Path data = dir.resolve("data");
        NautilusProcess s = NautilusProcess.start(data, "--engine", "portfolio", "--config", config.toString());
        String before;
        String ordersBefore;
        try {
            int port = Integer.parseInt(s.engines().getFirst()[1]);
            NautilusProcess.http(port, "POST", "/portfolios", "{\"portfolio_id\":\"k9\",\"portfolio_name\":\"Kill\",\"initial_value\":100000,"
                    + "\"symbols\":[\"AAPL\",\"MSFT\"]}", 201);
            NautilusProcess.http(port, "POST", "/portfolios/k9/positions", "{\"symbol\":\"AAPL\",\"quantity\":10,\"price\":100}", 201);
            NautilusProcess.http(port, "POST", "/portfolios/k9/positions", "{\"symbol\":\"AAPL\",\"quantity\":-4,\"price\":110}", 201);
            NautilusProcess.http(port, "POST", "/portfolios/k9/positions", "{\"symbol\":\"MSFT\",\"quantity\":-5,\"price\":300}", 201);
            NautilusProcess.http(port, "POST", "/portfolios/k9/orders", "{\"symbol\":\"AAPL\",\"side\":\"buy\",\"quantity\":3}", 202);
            JsonNode p = NautilusProcess.http(port, "GET", "/portfolios/k9", null, 200);
            // AAPL: 10 at 100, sell 4 at 110 → realized 40, 6 left at 100; MSFT short 5 at 300
            assertThat(p.get("realized_pnl").asDouble()).isEqualTo(40.0);
            // cash: 100 000 − 1 000 + 440 + 1 500 = 100 940
            assertThat(p.get("cash_balance").asDouble()).isEqualTo(100_940.0);
            before = durable(p);
            ordersBefore = NautilusProcess.http(port, "GET", "/portfolios/k9/orders", null, 200).get("orders").toString();
        } finally {
            s.process().destroyForcibly(); // SIGKILL: no shutdown hook, no drain of the journal into the store
            assertThat(s.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(s.process().exitValue()).isEqualTo(137);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("portfolio.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM portfolio_fills")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no fill reached the store before the kill").isZero();
        }
        NautilusProcess again = NautilusProcess.start(data, "--engine", "portfolio", "--config", config.toString());
        try {
            int port = Integer.parseInt(again.engines().getFirst()[1]);
            assertThat(durable(NautilusProcess.http(port, "GET", "/portfolios/k9", null, 200))).isEqualTo(before);
            assertThat(NautilusProcess.http(port, "GET", "/portfolios/k9/orders", null, 200).get("orders").toString()).isEqualTo(ordersBefore);
            JsonNode fills = NautilusProcess.http(port, "GET", "/portfolios/k9/fills", null, 200).get("fills");
            assertThat(fills).hasSize(3);
            assertThat(fills.get(1).get("price").asDouble()).isEqualTo(110.0);
            assertThat(fills.get(1).get("quantity").asDouble()).isEqualTo(4.0);
        } finally {
            again.stop();
        }
    }

    @Test
    void test_badOption_exitsWithUsageError(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                NautilusProcess.JAR.toAbsolutePath().toString(), "--engine", "nope").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("unknown engine 'nope'");
    }
}
