/**
 * Shared quantitative math for every engine: probability distributions, dense linear algebra on
 * {@code double[][]}, a derivative-free optimizer and a streaming rolling window.
 *
 * <p>Conventions used throughout the package and its sub-packages:
 * <ul>
 *   <li>Matrices are row-major {@code double[row][column]}; return panels are {@code returns[period][asset]}.</li>
 *   <li>Returns are per-period fractions (0.01 = 1%) unless a method says otherwise; nothing is annualized
 *       implicitly.</li>
 *   <li>Inputs are validated at the edge (rectangular, finite) and rejected with an
 *       {@link java.lang.IllegalArgumentException} naming the argument; inputs are never modified.</li>
 *   <li>Classes are pure: no I/O, logging or shared mutable state. Stateless types are thread-safe; the few
 *       stateful ones ({@link io.nautilus.core.quant.RollingWindow}) say so.</li>
 * </ul>
 * Sub-packages: {@code stats} (moments, quantiles, drawdowns, returns), {@code covariance} (sample, EWMA and
 * Ledoit-Wolf estimators), {@code volatility} (EWMA and GARCH(1,1)), {@code indicator} (the technical indicator
 * library: streaming indicators, their catalogue and whole-series computation; used by the Features and Analytics
 * engines).
 */
package io.nautilus.core.quant;
