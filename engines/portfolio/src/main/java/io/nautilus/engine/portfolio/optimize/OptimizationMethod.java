package io.nautilus.engine.portfolio.optimize;

import io.nautilus.core.model.WireName;

import java.util.List;

/**
 * The optimizers, with the snake_case names used over HTTP (the lower-case constant names, {@link WireName}) and
 * the seed's other spellings as aliases; parsed with {@link io.nautilus.core.model.WireNames#parse}.
 */
public enum OptimizationMethod implements WireName {
    EQUAL_WEIGHT("equal"),
    INVERSE_VOLATILITY("inverse_vol"),
    MIN_VARIANCE("minimum_variance"),
    MAX_SHARPE("maximum_sharpe"),
    MEAN_VARIANCE,
    RISK_PARITY("equal_risk_contribution", "erc"),
    HRP("hierarchical_risk_parity"),
    BLACK_LITTERMAN;

    private final List<String> aliases;

    OptimizationMethod(String... aliases) {
        this.aliases = List.of(aliases);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
