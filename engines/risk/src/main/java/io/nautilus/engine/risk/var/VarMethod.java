package io.nautilus.engine.risk.var;

import java.util.Locale;

/**
 * The value-at-risk methods of the risk engine, with the name used over HTTP ({@code historical}, ...).
 * <ul>
 *   <li>{@link #HISTORICAL}: the empirical quantile of the portfolio P&amp;L over the observed return scenarios.</li>
 *   <li>{@link #PARAMETRIC}: delta-normal with the sample covariance.</li>
 *   <li>{@link #EWMA}: delta-normal with the RiskMetrics exponentially weighted covariance.</li>
 *   <li>{@link #MONTE_CARLO}: seeded multivariate-normal simulation with the sample covariance.</li>
 *   <li>{@link #FILTERED_HISTORICAL}: historical simulation on returns rescaled by EWMA volatility (Hull and
 *       White 1998).</li>
 * </ul>
 */
public enum VarMethod {
    HISTORICAL, PARAMETRIC, EWMA, MONTE_CARLO, FILTERED_HISTORICAL;

    /** The lower-case wire name, e.g. {@code monte_carlo}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive; {@code monte-carlo} and {@code fhs} accepted). */
    public static VarMethod parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (n.equals("FHS")) {
            return FILTERED_HISTORICAL;
        }
        if (n.equals("DELTA_NORMAL")) {
            return PARAMETRIC;
        }
        for (VarMethod m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be one of historical, parametric, ewma, monte_carlo,"
                + " filtered_historical; got '" + name + "'");
    }
}
