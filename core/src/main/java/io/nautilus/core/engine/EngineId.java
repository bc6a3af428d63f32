package io.nautilus.core.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The nine engines, with the name used on the command line ({@code --engine risk}), in docker-compose
 * ({@code risk-engine}) and on the bus ({@code dlq.risk}), and the default HTTP port.
 */
public enum EngineId {
    ANALYTICS("analytics", 8100),
    RISK("risk", 8200),
    FACTOR("factor", 8300),
    ML("ml", 8400),
    FEATURES("features", 8500),
    WEBSOCKET("websocket", 8600),
    STRATEGY("strategy", 8700),
    MARKETDATA("marketdata", 8800),
    PORTFOLIO("portfolio", 8900);

    private final String cliName;
    private final int defaultPort;

    EngineId(String cliName, int defaultPort) {
        this.cliName = cliName;
        this.defaultPort = defaultPort;
    }

    /** Lower-case name: command line, compose service prefix, metrics tag, bus source. */
    public String cliName() {
        return cliName;
    }

    /** Default HTTP port (8100..8900). */
    public int defaultPort() {
        return defaultPort;
    }

    /** The docker-compose service name, {@code <name>-engine}. */
    public String serviceName() {
        return cliName + "-engine";
    }

    /** Parses a command-line name (case-insensitive; {@code market-data} and {@code market_data} accepted). */
    public static EngineId parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (EngineId id : values()) {
            if (id.cliName.equals(n)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + name + "'; known engines: "
                + Arrays.stream(values()).map(EngineId::cliName).collect(Collectors.joining(", ")));
    }
}
