package io.nautilus.engine.portfolio.optimize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The optimizers, with the snake_case names used over HTTP (the seed's names plus aliases). */
public enum OptimizationMethod {
    EQUAL_WEIGHT("equal_weight"),
    INVERSE_VOLATILITY("inverse_volatility"),
    MIN_VARIANCE("min_variance"),
    MAX_SHARPE("max_sharpe"),
    MEAN_VARIANCE("mean_variance"),
    RISK_PARITY("risk_parity"),
    HRP("hrp"),
    BLACK_LITTERMAN("black_litterman");

    private final String wireName;

    OptimizationMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in requests and responses. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a method name, case-insensitive; accepts the aliases {@code minimum_variance}, {@code maximum_sharpe},
     * {@code equal_risk_contribution}, {@code hierarchical_risk_parity}, {@code inverse_vol}, {@code equal}.
     */
    public static OptimizationMethod parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "minimum_variance" -> MIN_VARIANCE;
            case "maximum_sharpe" -> MAX_SHARPE;
            case "equal_risk_contribution", "erc" -> RISK_PARITY;
            case "hierarchical_risk_parity" -> HRP;
            case "inverse_vol" -> INVERSE_VOLATILITY;
            case "equal" -> EQUAL_WEIGHT;
            default -> Arrays.stream(values()).filter(m -> m.wireName.equals(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("method must be one of "
                            + Arrays.stream(values()).map(OptimizationMethod::wireName).collect(Collectors.joining(", "))
                            + "; got '" + name + "'"));
        };
    }
}
