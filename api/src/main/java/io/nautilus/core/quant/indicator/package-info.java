/**
 * The technical indicator library shared by the engines (the Features engine streams it on every bar and serves
 * it over HTTP; the Analytics engine's technical-indicators route reads its last values): 32 streaming
 * {@link io.nautilus.core.quant.indicator.Indicator}s updated one bar at a time with no allocation, grouped in an
 * {@link io.nautilus.core.quant.indicator.IndicatorSet}, described and built by name by the
 * {@link io.nautilus.core.quant.indicator.IndicatorCatalog}, and run over whole series by the
 * {@link io.nautilus.core.quant.indicator.SeriesCalculator} (the same streaming classes, so batch and streaming
 * values are identical by construction).
 *
 * <p>Conventions: values are absent ({@code NaN}) until warmed up, never guessed; EMAs and Wilder averages are
 * seeded TA-Lib style with the simple mean of their first {@code period} inputs; standard deviations are
 * population except the volatility estimators (sample); percent outputs are 0-100. Each class states its seeding,
 * warm-up and the reference it is tested against (TA-Lib fixtures, ta4j). Pure: no bus, HTTP, store or clock.
 */
package io.nautilus.core.quant.indicator;
