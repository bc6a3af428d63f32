/**
 * Return attribution by sector: single-period Brinson-Hood-Beebower and Brinson-Fachler decompositions of the
 * active return into allocation, selection and interaction effects, and Carino linking of those effects over
 * several periods. A pure library (no bus, no HTTP); all types immutable and thread-safe.
 */
package io.nautilus.engine.analytics.attribution;
