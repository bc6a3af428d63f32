package io.nautilus.engine.risk.limit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gross exposure by bucket (sector, country or currency) with the two largest buckets tracked. Bucket 0 is
 * {@link ReferenceData#UNCLASSIFIED}. Mutable, not thread-safe (owned by one {@link ExposureBook}).
 */
final class Buckets {
    private final Map<String, Integer> ids = new HashMap<>();
    double[] gross = new double[8];
    int count = 1;
    int top1;
    double top1Gross;
    double top2Gross;

    Buckets() {
        ids.put(ReferenceData.UNCLASSIFIED, 0);
    }

    /** The id of a bucket name, created on first use; {@code null} is the unclassified bucket. */
    int id(String name) {
        if (name == null) {
            return 0;
        }
        Integer id = ids.get(name);
        if (id == null) {
            id = count++;
            ids.put(name, id);
            if (count > gross.length) {
                gross = Arrays.copyOf(gross, gross.length * 2);
            }
        }
        return id;
    }

    /** The id of an existing bucket, or -1. */
    int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    void clear() {
        Arrays.fill(gross, 0.0);
    }

    void rank() {
        top1 = -1;
        top1Gross = 0;
        top2Gross = 0;
        for (int b = 0; b < count; b++) {
            double g = gross[b];
            if (top1 < 0 || g > top1Gross) {
                top2Gross = top1 < 0 ? 0 : top1Gross;
                top1Gross = g;
                top1 = b;
            } else if (g > top2Gross) {
                top2Gross = g;
            }
        }
    }

    /** The largest bucket's gross after bucket {@code b} changes by {@code delta}. */
    double largestAfter(int b, double delta) {
        double changed = gross[b] + delta;
        return b == top1 ? Math.max(top2Gross, changed) : Math.max(top1Gross, changed);
    }
}
