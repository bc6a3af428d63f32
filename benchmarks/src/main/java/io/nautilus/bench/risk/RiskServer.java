package io.nautilus.bench.risk;

import io.javalin.Javalin;
import io.nautilus.bus.host.EngineHost;
import io.nautilus.bus.host.HostSettings;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.http.HttpSettings;
import io.nautilus.core.time.Clock;
import io.nautilus.engine.risk.RiskEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the risk engine alone on 127.0.0.1 for the load script: {@code RiskServer <port> <dataDir>}. Bar-history
 * requests and periodic predictions are off (no other engine runs); the book request is answered with no books. On {@code port + 1} a bare Javalin server
 * (virtual threads like the engines, no Nautilus chrome) answers {@code GET /hello} with a constant: the HTTP
 * ceiling of this machine, measured in the same JVM and run. Stops on SIGTERM.
 */
public final class RiskServer {
    private RiskServer() {
    }

    public static void main(String[] args) throws Exception {
        // the benchmarks jar has no logback.xml: without this every request would be logged at DEBUG
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18200;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("risk-load");
        var bus = LocalBus.create();
        var config = EngineConfig.empty().with("risk.history.request", "false")
                .with("risk.prediction.interval_seconds", "0");
        var http = new HttpSettings("127.0.0.1", port, HttpSettings.DEFAULT_MAX_REQUEST_BYTES, null, 4096);
        // no Portfolio engine runs: answer the engine's book request with no books, so that it is synced (healthy)
        bus.forEngine("portfolio").respond(io.nautilus.core.model.PortfolioStateRequest.TOPIC,
                io.nautilus.core.model.PortfolioStateRequest.class,
                q -> new io.nautilus.core.model.PortfolioStates(java.util.List.of(), System.currentTimeMillis() * 1_000_000L));
        var host = new EngineHost(new RiskEngine(), HostSettings.defaults().withHttp(http).withDataDir(dir.toString())
                .withConfig(config), bus, Clock.system(), () -> true).start();
        var hello = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.routes.get("/hello", ctx -> ctx.result("hello"));
        }).start("127.0.0.1", port + 1);
        var done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hello.stop();
            host.close();
            bus.close();
            done.countDown();
        }));
        System.out.println("risk engine listening on 127.0.0.1:" + host.port() + ", hello on " + hello.port());
        done.await();
    }
}
