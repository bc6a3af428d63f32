package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.config.RoutesConfig;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NautilusCommandTest {

    /** A minimal engine used to exercise the launcher without the real engines. */
    static class PingEngine implements Engine {
        private final EngineId id;
        volatile boolean started;
        volatile boolean stopped;

        PingEngine(EngineId id) {
            this.id = id;
        }

        @Override
        public EngineId id() {
            return id;
        }

        @Override
        public void start(EngineContext ctx) {
            started = true;
            ctx.bus().respond("ping." + id.cliName(), String.class, s -> s + "-pong");
        }

        @Override
        public void routes(RoutesConfig routes) {
            routes.get("/ping", ctx -> ctx.json(Map.of("engine", id.cliName())));
        }

        @Override
        public Health health() {
            return Health.up(Map.of("started", started));
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        var cmd = new CommandLine(new NautilusCommand());
        cmd.setDefaultValueProvider(new EnvironmentDefaults(env));
        var out = new StringWriter();
        var err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void test_environmentDefaults_mapOptionNamesToVariables() {
        assertThat(EnvironmentDefaults.variableFor("--port-offset")).isEqualTo("NAUTILUS_PORT_OFFSET");
        assertThat(EnvironmentDefaults.variableFor("--db-url")).isEqualTo("NAUTILUS_DB_URL");
        var cmd = new NautilusCommand();
        var cl = new CommandLine(cmd);
        cl.setDefaultValueProvider(new EnvironmentDefaults(Map.of("NAUTILUS_PORT_OFFSET", "1000", "NAUTILUS_BIND", "127.0.0.2")));
        cl.parseArgs();
        assertThat(cmd.portOffset).isEqualTo(1000);
        assertThat(cmd.bind).isEqualTo("127.0.0.2");
        cl.parseArgs("--port-offset", "5");
        assertThat(cmd.portOffset).isEqualTo(5); // the command line wins over the environment
    }

    @Test
    void test_call_unknownEngineIsRejectedNamingTheOption() {
        Run r = run(Map.of(), "--engine", "risk,nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--engine: unknown engine 'nope'").contains("marketdata");
    }

    @Test
    void test_call_publicBindWithoutTokenIsRefused() {
        Run r = run(Map.of(), "--bind", "0.0.0.0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--api-token").contains("--insecure");
    }

    @Test
    void test_call_badDbUrlAndPortOffsetAreRejected() {
        assertThat(run(Map.of(), "--db-url", "mysql://x").err()).contains("--db-url must start with jdbc:postgresql:");
        assertThat(run(Map.of(), "--port-offset", "90000").err()).contains("--port-offset must be in");
        assertThat(run(Map.of("NAUTILUS_PORT_OFFSET", "abc")).code()).isEqualTo(2);
    }

    @Test
    void test_health_reportsUpAndDown(@TempDir Path dir) {
        try (Nautilus n = Nautilus.builder().engine(new PingEngine(EngineId.FACTOR)).ephemeralPorts(true)
                .dataDir(dir.toString()).start()) {
            Run ok = run(Map.of(), "health", "--port", Integer.toString(n.port(EngineId.FACTOR)));
            assertThat(ok.code()).isZero();
            assertThat(ok.out()).contains("OK 127.0.0.1:" + n.port(EngineId.FACTOR) + " 200 healthy");
        }
        Run down = run(Map.of(), "health", "--port", "1", "--timeout-ms", "500");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("FAIL 127.0.0.1:1");
    }
}
