package io.nautilus.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.engine.analytics.pnl.PortfolioSnapshot;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EquityWriterTest {
    private static List<PortfolioSnapshot> sample(long ts) {
        return List.of(new PortfolioSnapshot("p1", 100_000, 100_000 + ts, 0, 0, 0, 0, 100_000 + ts, null, true, ts,
                        List.of()),
                new PortfolioSnapshot("p2", 50_000, 50_000 + ts, 0, 0, 0, 0, 50_000 + ts, null, true, ts, List.of()));
    }

    /** A store that refuses while {@code down} is set and records what it took, in order. */
    private static final class FlakyStore {
        final List<Long> stored = new ArrayList<>();
        boolean down;

        void append(List<PortfolioSnapshot> s) {
            if (down) {
                throw new IllegalStateException("database restarting");
            }
            stored.add(s.getFirst().tsNanos());
        }
    }

    @Test
    void test_write_keepsRefusedSamplesAndStoresThemInOrderOnceTheStoreIsBack() {
        var store = new FlakyStore();
        var w = new EquityWriter(store::append, 10);
        w.write(sample(1));
        store.down = true;
        w.write(sample(2));
        w.write(sample(3));
        assertThat(w.failing()).isTrue();
        assertThat(w.waiting()).isEqualTo(2);
        assertThat(w.failures()).isEqualTo(2);
        store.down = false;
        w.write(sample(4));
        assertThat(store.stored).containsExactly(1L, 2L, 3L, 4L);
        assertThat(w.written()).isEqualTo(8); // 4 samples of 2 portfolios
        assertThat(w.failing()).isFalse();
        assertThat(w.waiting()).isZero();
        assertThat(w.dropped()).isZero();
    }

    @Test
    void test_write_dropsTheOldestBeyondTheBound() {
        var store = new FlakyStore();
        var w = new EquityWriter(store::append, 3);
        store.down = true;
        for (long ts = 1; ts <= 5; ts++) {
            w.write(sample(ts));
        }
        assertThat(w.dropped()).isEqualTo(2);
        assertThat(w.waiting()).isEqualTo(3);
        store.down = false;
        w.write(sample(6));
        assertThat(store.stored).containsExactly(3L, 4L, 5L, 6L);
    }
}
