package io.nautilus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.engine.EngineId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml and the Dockerfile checked against {@link EngineId} (no Docker engine runs here). */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return new Yaml(options).load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    @SuppressWarnings("unchecked")
    void test_compose_hasOneServicePerEngineWithPortCommandAndHealthcheck() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        for (EngineId id : EngineId.values()) {
            Map<String, Object> svc = map(services.get(id.serviceName()));
            assertThat(svc).as(id.serviceName()).isNotNull();
            int port = id.defaultPort();
            assertThat((List<String>) svc.get("command")).containsExactly("--engine", id.cliName());
            assertThat((List<String>) svc.get("ports")).containsExactly(port + ":" + port);
            List<String> test = (List<String>) map(svc.get("healthcheck")).get("test");
            assertThat(String.join(" ", test)).isEqualTo("CMD java -jar /app/nautilus.jar health --port " + port);
            assertThat(svc.get("restart")).isEqualTo("unless-stopped");
            Map<String, Object> limits = map(map(map(svc.get("deploy")).get("resources")).get("limits"));
            assertThat(limits).containsKeys("cpus", "memory");
            Map<String, Object> env = map(svc.get("environment"));
            assertThat(env).containsKeys("NAUTILUS_REDIS", "NAUTILUS_API_TOKEN");
            assertThat(env.get("NAUTILUS_HEALTH_PORT")).isEqualTo(Integer.toString(port));
        }
        long engineServices = services.keySet().stream().filter(k -> k.endsWith("-engine")).count();
        assertThat(engineServices).isEqualTo(EngineId.values().length);
    }

    @Test
    @SuppressWarnings("unchecked")
    void test_compose_onlyTheEnginesOfThisBuildStartByDefault() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        var built = NautilusComponent.create().engines().keySet();
        for (EngineId id : EngineId.values()) {
            Object profiles = map(services.get(id.serviceName())).get("profiles");
            if (built.contains(id)) {
                assertThat(profiles).as(id.serviceName()).isNull();
            } else {
                assertThat((List<String>) profiles).as(id.serviceName()).containsExactly("not-yet-built");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void test_compose_redisPersistsAndNeverEvicts() throws IOException {
        Map<String, Object> redis = map(map(compose().get("services")).get("redis"));
        String command = String.join(" ", (List<String>) redis.get("command"));
        assertThat(command).contains("--appendonly yes").contains("--maxmemory-policy noeviction");
        assertThat((List<String>) redis.get("volumes")).anyMatch(v -> v.endsWith(":/data"));
        assertThat(map(map(compose().get("services")).get("postgres"))).containsKey("healthcheck");
    }

    @Test
    @SuppressWarnings("unchecked")
    void test_compose_allInOneProfileRunsEveryPort() throws IOException {
        Map<String, Object> all = map(map(compose().get("services")).get("nautilus"));
        assertThat((List<String>) all.get("profiles")).containsExactly("all-in-one");
        assertThat(all.get("command")).isNull();
        List<String> ports = (List<String>) all.get("ports");
        for (EngineId id : EngineId.values()) {
            assertThat(ports).contains(id.defaultPort() + ":" + id.defaultPort());
        }
    }

    @Test
    void test_dockerfile_multiStageJre25NonRootHealthcheckWithoutCurl() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile")).stream().map(String::trim)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).startsWith("FROM eclipse-temurin:25-jdk").endsWith("AS build");
        assertThat(froms.get(1)).isEqualTo("FROM eclipse-temurin:25-jre");
        int runtimeStart = lines.indexOf(froms.get(1));
        List<String> runtime = lines.subList(runtimeStart, lines.size());
        assertThat(runtime).anyMatch(l -> l.equals("USER nautilus"));
        assertThat(runtime).anyMatch(l -> l.startsWith("COPY --from=build") && l.contains("launcher/target/nautilus.jar"));
        String all = String.join("\n", lines);
        assertThat(all).contains("HEALTHCHECK").contains("nautilus.jar health --port").doesNotContain("curl").doesNotContain("wget");
        assertThat(all).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/nautilus.jar\"]");
        for (EngineId id : EngineId.values()) {
            assertThat(all).contains(Integer.toString(id.defaultPort()));
        }
    }
}
