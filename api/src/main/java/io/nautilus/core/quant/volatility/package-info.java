/**
 * Univariate volatility models on per-period return series (oldest first): the RiskMetrics EWMA
 * ({@link io.nautilus.core.quant.volatility.EwmaVolatility}) and a Gaussian quasi-maximum-likelihood GARCH(1,1)
 * ({@link io.nautilus.core.quant.volatility.Garch11}, {@link io.nautilus.core.quant.volatility.Garch11Fit}).
 * Variances are in squared return units per period; nothing is annualized.
 */
package io.nautilus.core.quant.volatility;
