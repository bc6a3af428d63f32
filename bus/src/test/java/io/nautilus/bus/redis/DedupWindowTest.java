package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupWindowTest {
    @Test
    void test_seen_marksPerOrigin() {
        var w = new DedupWindow(1024);
        assertThat(w.seen("a", 5)).isFalse();
        w.mark("a", 5);
        assertThat(w.seen("a", 5)).isTrue();
        assertThat(w.seen("b", 5)).isFalse(); // another process may use the same id
        assertThat(w.seen("a", 4)).isFalse(); // skipped ids are not seen
        assertThat(w.seen("a", 6)).isFalse();
    }

    @Test
    void test_mark_outOfOrderIdsInsideWindow() {
        var w = new DedupWindow(64);
        w.mark("a", 100);
        w.mark("a", 90); // a reclaimed older entry arriving late
        assertThat(w.seen("a", 90)).isTrue();
        assertThat(w.seen("a", 91)).isFalse();
    }

    @Test
    void test_seen_slidesAndForgetsOldIds() {
        var w = new DedupWindow(64); // window of 64 ids: with high = 200, ids <= 136 are outside
        w.mark("a", 137);
        w.mark("a", 200);
        assertThat(w.seen("a", 137)).isTrue();   // 200 - 64 = 136 < 137: still inside
        w.mark("a", 201);
        assertThat(w.seen("a", 137)).isFalse();  // now 201 - 64 = 137: outside, delivered again (at-least-once)
        assertThat(w.tooOld()).isEqualTo(1);
        // the slot of 137 (137 & 63 = 9) is reused by 201 + ... = 201 is slot 9: marked, 137 must not alias it
        assertThat(w.seen("a", 201)).isTrue();
    }

    @Test
    void test_mark_jumpClearsSlotsOfSkippedIds() {
        var w = new DedupWindow(64);
        for (long id = 1; id <= 64; id++) {
            w.mark("a", id);
        }
        w.mark("a", 100); // ids 65..99 share slots with 1..35 (mod 64), which left the window
        for (long id = 65; id < 100; id++) {
            assertThat(w.seen("a", id)).as("id %d", id).isFalse();
        }
        assertThat(w.seen("a", 40)).isTrue(); // 100 - 64 = 36 < 40: still inside, marked
        w.mark("a", 1_000_000); // a jump wider than the window clears it all
        assertThat(w.seen("a", 999_999)).isFalse();
        assertThat(w.seen("a", 1_000_000)).isTrue();
    }

    @Test
    void test_size_roundsUpToPowerOfTwo() {
        assertThat(new DedupWindow(1000).size()).isEqualTo(1024);
        assertThat(new DedupWindow(1024).size()).isEqualTo(1024);
        assertThat(new DedupWindow(3).size()).isEqualTo(64);
    }
}
