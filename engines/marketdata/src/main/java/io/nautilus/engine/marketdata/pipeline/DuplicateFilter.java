package io.nautilus.engine.marketdata.pipeline;

/**
 * Recognizes records already accepted for one symbol: a window of the fingerprints (64-bit hashes of type, event
 * time, prices and sizes) of the last {@code window} accepted records. Because a duplicate has the same event time
 * as its original, a record newer than every accepted one is never looked up: live streams pay one comparison.
 * Not thread-safe: owned by the ring thread.
 */
public final class DuplicateFilter {
    private final long[] fingerprints;
    private int next;
    private int filled;
    private long newestTs = Long.MIN_VALUE;

    public DuplicateFilter(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        this.fingerprints = new long[window];
    }

    /** True if a record with this fingerprint and event time was accepted within the window. */
    public boolean seen(long fingerprint, long tsNanos) {
        if (tsNanos > newestTs) {
            return false;
        }
        for (int i = 0; i < filled; i++) {
            if (fingerprints[i] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    /** Remembers an accepted record. */
    public void accept(long fingerprint, long tsNanos) {
        fingerprints[next] = fingerprint;
        next = next + 1 == fingerprints.length ? 0 : next + 1;
        if (filled < fingerprints.length) {
            filled++;
        }
        if (tsNanos > newestTs) {
            newestTs = tsNanos;
        }
    }

    /** The fingerprint of a record: quote flag, event time and the four price/size fields, mixed. */
    public static long fingerprint(boolean quote, long tsNanos, double a, double b, double c, double d) {
        long h = quote ? 0x9E3779B97F4A7C15L : 0xC2B2AE3D27D4EB4FL;
        h = mix(h ^ tsNanos);
        h = mix(h ^ Double.doubleToLongBits(a));
        h = mix(h ^ Double.doubleToLongBits(b));
        h = mix(h ^ Double.doubleToLongBits(c));
        return mix(h ^ Double.doubleToLongBits(d));
    }

    /** SplitMix64's finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
