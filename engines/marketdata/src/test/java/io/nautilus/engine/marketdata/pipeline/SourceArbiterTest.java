package io.nautilus.engine.marketdata.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SourceArbiterTest {
    private static final long S = 1_000_000_000L;
    private final List<String> events = new ArrayList<>();
    private final SourceRegistry registry = new SourceRegistry(List.of("primary", "backup"));
    private final SourceArbiter arbiter = new SourceArbiter(registry, 5 * S, new SourceArbiter.Listener() {
        @Override
        public void stale(int source) {
            events.add("stale " + registry.name(source));
        }

        @Override
        public void recovered(int source) {
            events.add("recovered " + registry.name(source));
        }

        @Override
        public void switched(int from, int to, boolean fromStale) {
            events.add("switch " + registry.name(from) + "->" + registry.name(to) + (fromStale ? " (stale)" : ""));
        }
    });

    @Test
    void test_offer_primaryWinsBackupStandsBy() {
        int p = registry.id("primary");
        int b = registry.id("backup");
        assertThat(arbiter.offer(p, 100 * S)).isEqualTo(SourceArbiter.ACCEPT);
        assertThat(arbiter.offer(b, 101 * S)).isEqualTo(SourceArbiter.STANDBY);
        assertThat(arbiter.offer(b, 105 * S)).as("primary silent 5 s: not more than the stale time").isEqualTo(SourceArbiter.STANDBY);
        assertThat(arbiter.active()).isEqualTo(p);
        assertThat(events).isEmpty();
    }

    @Test
    void test_offer_failsOverWhenPrimaryStaleAndReturnsWhenItRecovers() {
        int p = registry.id("primary");
        int b = registry.id("backup");
        arbiter.offer(p, 100 * S);
        assertThat(arbiter.offer(b, 105 * S + 1)).isEqualTo(SourceArbiter.ACCEPT);
        assertThat(arbiter.active()).isEqualTo(b);
        assertThat(events).containsExactly("stale primary", "switch primary->backup (stale)");
        events.clear();
        assertThat(arbiter.offer(p, 106 * S)).isEqualTo(SourceArbiter.ACCEPT);
        assertThat(arbiter.active()).isEqualTo(p);
        assertThat(events).containsExactly("recovered primary", "switch backup->primary");
    }

    @Test
    void test_check_marksStaleAndFailsOverToBestLiveSource() {
        int p = registry.id("primary");
        int b = registry.id("backup");
        int other = registry.id("other"); // unlisted: ranks after the listed ones
        arbiter.offer(p, 100 * S);
        arbiter.offer(other, 103 * S);
        arbiter.offer(b, 104 * S);
        arbiter.check(106 * S);
        assertThat(events).containsExactly("stale primary", "switch primary->backup (stale)");
        assertThat(arbiter.active()).isEqualTo(b);
        events.clear();
        arbiter.check(200 * S);
        assertThat(events).containsExactlyInAnyOrder("stale other", "stale backup");
        assertThat(arbiter.active()).as("no live source: stays on the last one").isEqualTo(b);
        assertThat(arbiter.isStale(b)).isTrue();
    }

    @Test
    void test_rank_listedBeforeUnlisted() {
        int x = registry.id("x");
        int p = registry.id("primary");
        assertThat(registry.rank(p)).isZero();
        assertThat(registry.rank(x)).isGreaterThan(registry.rank(registry.id("backup")));
    }
}
