/**
 * Covariance estimators on return panels {@code returns[period][asset]} (per-period returns, not annualized),
 * behind the one-method {@link io.nautilus.core.quant.covariance.CovarianceEstimator} contract, plus
 * {@link io.nautilus.core.quant.covariance.Covariances} helpers (correlation, volatilities, annualization).
 */
package io.nautilus.core.quant.covariance;
