package io.nautilus.engine.risk.var;

import io.nautilus.core.model.WireName;

import java.util.List;

/**
 * The value-at-risk methods of the risk engine, with the name used over HTTP ({@code historical}, ...; aliases
 * {@code fhs} and {@code delta_normal}).
 * <ul>
 *   <li>{@link #HISTORICAL}: the empirical quantile of the portfolio P&amp;L over the observed return scenarios.</li>
 *   <li>{@link #PARAMETRIC}: delta-normal with the sample covariance.</li>
 *   <li>{@link #EWMA}: delta-normal with the RiskMetrics exponentially weighted covariance.</li>
 *   <li>{@link #MONTE_CARLO}: seeded multivariate-normal simulation with the sample covariance.</li>
 *   <li>{@link #FILTERED_HISTORICAL}: historical simulation on returns rescaled by EWMA volatility (Hull and
 *       White 1998).</li>
 * </ul>
 */
public enum VarMethod implements WireName {
    HISTORICAL, PARAMETRIC, EWMA, MONTE_CARLO, FILTERED_HISTORICAL;

    @Override
    public List<String> aliases() {
        return switch (this) {
            case FILTERED_HISTORICAL -> List.of("fhs");
            case PARAMETRIC -> List.of("delta_normal");
            default -> List.of();
        };
    }
}
