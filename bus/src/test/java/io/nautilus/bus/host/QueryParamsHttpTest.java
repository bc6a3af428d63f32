package io.nautilus.bus.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.http.Json;
import io.nautilus.core.http.QueryParams;
import io.nautilus.core.model.WireName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link QueryParams} on a real server: values, fallbacks, and the 400 problem naming the parameter. */
class QueryParamsHttpTest {
    enum Format implements WireName { JSON, CSV, HTML }

    private static LocalBus bus;
    private static EngineHost host;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static class EchoEngine implements Engine {
        @Override
        public EngineId id() {
            return EngineId.FACTOR;
        }

        @Override
        public void start(EngineContext ctx) {
        }

        @Override
        public void routes(RoutesConfig routes) {
            routes.get("/echo", c -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("limit", QueryParams.intParam(c, "limit", 50, 1, 1000));
                m.put("alpha", QueryParams.doubleParam(c, "alpha", 0.05, 0, 1));
                m.put("active", QueryParams.booleanParam(c, "active"));
                m.put("format", QueryParams.enumParam(c, "format", Format.class, Format.JSON).wireName());
                m.put("symbol", QueryParams.symbolParam(c, "symbol", "SPY"));
                m.put("portfolio_id", QueryParams.idParam(c, "portfolio_id", null));
                c.json(m);
            });
        }


    }

    @BeforeAll
    static void start() {
        bus = LocalBus.create();
        host = new EngineHost(new EchoEngine(), HostSettings.defaults().withHttp(new HttpSettings("127.0.0.1", 0, 4096, null, 64)),
                bus, io.nautilus.core.time.Clock.system(), () -> true).start();
    }

    @AfterAll
    static void stop() {
        host.close();
        bus.close();
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/echo?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x=1|{\"limit\":50,\"alpha\":0.05,\"active\":null,\"format\":\"json\",\"symbol\":\"SPY\",\"portfolio_id\":null}",
            "limit=1000&alpha=1&active=TRUE&format=Csv&symbol=%20brk-b&portfolio_id=pf-1|{\"limit\":1000,\"alpha\":1.0,\"active\":true,\"format\":\"csv\",\"symbol\":\"BRK-B\",\"portfolio_id\":\"pf-1\"}"})
    void test_params_valuesAndFallbacks(String query, String expected) throws Exception {
        var r = get(query);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(r.body())).isEqualTo(Json.mapper().readTree(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "limit=0|limit|must be in [1, 1000], got 0",
            "limit=ten|limit|must be a whole number, got 'ten'",
            "alpha=NaN|alpha|must be a finite number, got 'NaN'",
            "alpha=1e400|alpha|must be a finite number, got '1e400'",
            "active=yes|active|must be true or false, got 'yes'",
            "format=xml|format|must be one of [json, csv, html], got 'xml'",
            "portfolio_id=a.b|portfolio_id|must be 1-64 characters of letters, digits and - _ :, got 'a.b'"})
    void test_params_badValueIs400NamingTheParameter(String query, String field, String message) throws Exception {
        var r = get(query);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo(message);
    }
}
