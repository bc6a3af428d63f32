package io.nautilus.launcher;

import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineId;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code nautilus} command: runs all engines (or {@code --engine a,b}) in this JVM. Every option can also be
 * given as an environment variable {@code NAUTILUS_<OPTION>} (e.g. {@code NAUTILUS_PORT_OFFSET=1000}).
 */
@Command(name = "nautilus", mixinStandardHelpOptions = true, version = "Nautilus 0.1.0",
        description = "Trading analytics platform: runs the selected engines in one JVM.",
        subcommands = {HealthCommand.class},
        defaultValueProvider = EnvironmentDefaults.class)
public final class NautilusCommand implements Callable<Integer> {

    @Option(names = "--engine", split = ",", paramLabel = "NAME",
            description = "Engines to run, comma-separated (default: all in this build). Names: analytics, risk, "
                    + "factor, ml, features, websocket, strategy, marketdata, portfolio.")
    List<String> engines;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind HTTP servers to (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port-offset", defaultValue = "0", description = "Added to each engine's port 8100..8900 (default: ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL shared by all engines (default: one SQLite file per engine in --data-dir).")
    String dbUrl;

    @Option(names = "--data-dir", defaultValue = "./data", description = "Directory for SQLite files (default: ${DEFAULT-VALUE}).")
    String dataDir;

    @Option(names = "--redis", description = "Redis URI (redis://[user:password@]host:port, rediss:// for TLS): bridge the "
            + "bus to Redis Streams, e.g. with --engine X to run one engine per process (settings: redis.* keys).")
    String redis;

    @Option(names = "--api-token", description = "Bearer token required on mutating HTTP requests.")
    String apiToken;

    @Option(names = "--insecure", description = "Allow binding to a non-loopback address without --api-token.")
    boolean insecure;

    @Option(names = "--config", description = "Properties file of engine settings (keys like marketdata.simulator.rate).")
    Path config;

    @Option(names = "--log-json", description = "Log one JSON object per line instead of key=value text.")
    boolean logJson;

    @Option(names = "--training-run", hidden = true,
            description = "Start every engine on ephemeral ports, let prices flow for a few seconds, ask each /health, "
                    + "stop: the build runs this under -XX:AOTCacheOutput to produce the start-up AOT cache.")
    boolean trainingRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point of the shaded jar. */
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || (args.length > 0 && !args[0].startsWith("-"))) {
            System.exit(code);
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new NautilusCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Validates the options and returns what to start; parameter errors name the option. */
    Nautilus.Builder builder() {
        var ids = EnumSet.noneOf(EngineId.class);
        if (engines != null) {
            for (String e : engines) {
                try {
                    ids.add(EngineId.parse(e));
                } catch (IllegalArgumentException ex) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--engine: " + ex.getMessage());
                }
            }
        }
        if (portOffset < -8000 || portOffset > 56_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port-offset must be in [-8000, 56000], got " + portOffset);
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:sqlite:")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--db-url must start with jdbc:postgresql: or jdbc:sqlite:, got " + dbUrl);
        }
        if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--redis must be a URI like redis://host:6379 or rediss://user:password@host:6380, got " + redis);
        }
        if ((apiToken == null || apiToken.isBlank()) && !insecure && !isLoopback(bind)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "binding to " + bind
                    + " exposes mutating routes: give --api-token (or NAUTILUS_API_TOKEN), or --insecure to run without one");
        }
        return Nautilus.builder().engines(ids).bind(bind).portOffset(portOffset).dbUrl(dbUrl).dataDir(dataDir)
                .apiToken(apiToken).config(loadConfig()).redis(redis).ephemeralPorts(trainingRun);
    }

    private EngineConfig loadConfig() {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null) {
            var props = new Properties();
            try (InputStream in = Files.newInputStream(config)) {
                props.load(in);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--config: cannot read " + config + ": " + e.getMessage());
            }
            props.forEach((k, v) -> values.put(k.toString(), v.toString()));
        }
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("nautilus.")) {
                values.put(key.substring("nautilus.".length()), v.toString());
            }
        });
        return new EngineConfig(values);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (logJson) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        long t0 = System.nanoTime();
        // initialise logging now, on this thread: a logger first created inside the shutdown hook may never print
        var log = org.slf4j.LoggerFactory.getLogger(NautilusCommand.class);
        Nautilus.Builder b = builder();
        Nautilus nautilus;
        try {
            nautilus = b.start();
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("nautilus: cannot start: " + e.getMessage());
            return 1;
        }
        if (trainingRun) {
            train(nautilus);
            return 0;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            nautilus.close();
            stopped.countDown();
        }));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("event=started engines={} start_ms={}", nautilus.engines().stream().map(EngineId::cliName).toList(), millis);
        printBanner(nautilus, millis);
        stopped.await();
        return 0;
    }

    /** Exercises the running engines the way a first session does, then stops them. */
    private void train(Nautilus n) throws Exception {
        try (n; var client = java.net.http.HttpClient.newHttpClient()) {
            Thread.sleep(3_000);
            for (EngineId id : n.engines()) {
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + n.port(id) + "/health"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private void printBanner(Nautilus n, long millis) {
        var out = spec.commandLine().getOut();
        Set<EngineId> running = n.engines();
        out.printf("Nautilus 0.1.0: %d engine%s up in %d ms%n", running.size(), running.size() == 1 ? "" : "s", millis);
        for (EngineId id : running) {
            int port = n.port(id);
            out.printf("  %-11s %s%n", id.cliName(), port > 0 ? "http://" + displayHost() + ":" + port : "(no HTTP)");
        }
        out.flush();
    }

    private String displayHost() {
        return bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
    }
}
