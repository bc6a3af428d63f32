package io.nautilus.engine.marketdata.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateFilterTest {
    @Test
    void test_seen_identicalRecordWithinWindow() {
        var f = new DuplicateFilter(2);
        long a = DuplicateFilter.fingerprint(true, 10, 100, 101, 1, 2);
        long b = DuplicateFilter.fingerprint(true, 11, 100, 101, 1, 2);
        long c = DuplicateFilter.fingerprint(true, 12, 100, 101, 1, 2);
        assertThat(f.seen(a, 10)).isFalse();
        f.accept(a, 10);
        assertThat(f.seen(a, 10)).isTrue();
        assertThat(f.seen(DuplicateFilter.fingerprint(true, 10, 100, 101, 1, 3), 10)).as("another size").isFalse();
        assertThat(f.seen(DuplicateFilter.fingerprint(false, 10, 100, 101, 1, 2), 10)).as("a trade").isFalse();
        f.accept(b, 11);
        f.accept(c, 12);
        assertThat(f.seen(a, 10)).as("pushed out of a window of 2").isFalse();
        assertThat(f.seen(b, 11)).isTrue();
    }

    @Test
    void test_seen_newerThanEverythingIsNeverADuplicate() {
        var f = new DuplicateFilter(4);
        long a = DuplicateFilter.fingerprint(false, 10, 100, 0, 5, 0);
        f.accept(a, 10);
        assertThat(f.seen(a, 11)).isFalse();
    }
}
