/**
 * Descriptive statistics of return series shared by the Analytics and Risk engines: moments (mean, variance,
 * skewness, kurtosis under named estimators), quantiles under named Hyndman-Fan definitions, downside deviation,
 * covariance and correlation of two series, drawdowns, and simple returns of a price or wealth series.
 *
 * <p>Everything here is pure computation over {@code double[]}: no I/O, no allocation beyond what a method
 * documents, and every type is immutable and thread-safe. Inputs are validated at the edge and rejected with an
 * {@link java.lang.IllegalArgumentException} naming the argument; a statistic the data cannot define (for example
 * the skewness of a constant series) is returned as an empty {@link java.util.OptionalDouble}, never as a made-up
 * number.
 */
package io.nautilus.core.quant.stats;
