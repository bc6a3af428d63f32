/**
 * Performance metrics of a return series, optionally against a benchmark: a pure library (no bus, no HTTP).
 *
 * <p>Entry point: {@link io.nautilus.engine.analytics.metrics.PerformanceCalculator} turns per-period simple returns
 * into an immutable {@link io.nautilus.engine.analytics.metrics.PerformanceReport} whose
 * {@code conventions()} names every convention used. Descriptive statistics come from
 * {@code io.nautilus.core.quant.stats}, shared with the Risk engine.
 */
package io.nautilus.engine.analytics.metrics;
