package io.nautilus.core.quant;

/** Argument checks shared by the distributions and special functions; messages name the argument and range. */
final class Arguments {

    private Arguments() {
    }

    /** @return v if finite and &gt; 0 */
    static double requirePositive(double v, String name) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
        return v;
    }

    /** @return p if in [0, 1] */
    static double requireProbability(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        return p;
    }
}
