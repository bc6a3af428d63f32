package io.nautilus.bus.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.time.Clock;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Bulkheads between engines: a slow engine and a failing engine that share a topic with a healthy engine must not
 * cut the healthy engine's throughput by more than 20%, measured against a baseline in the same run (median of
 * five rounds each, so that one noisy round on a shared 2-core machine does not decide).
 */
class IsolationTest {
    private static final int MESSAGES = 2_000;

    record Work(long n) {
    }

    /**
     * The healthy engine waits ~50 us per message (like an engine calling out to a fast service): its throughput is
     * set by its own work, so any coupling to its neighbours (a shared thread, a blocked publisher, a lock) would
     * show, while CPU noise from other processes on a shared 2-core machine affects both rounds alike.
     */
    private static long work(long n) {
        java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        return n;
    }

    private static double roundMsgsPerSecond(boolean withBadNeighbours) throws Exception {
        try (var bus = new LocalBus(LocalBusConfig.DEFAULT, Clock.system())) {
            var done = new CountDownLatch(1);
            var sink = new AtomicLong();
            var count = new long[1];
            bus.forEngine("healthy").subscribe("work", Work.class, (w, m) -> {
                sink.addAndGet(work(w.n()) & 1);
                if (++count[0] == MESSAGES) {
                    done.countDown();
                }
            });
            if (withBadNeighbours) {
                bus.forEngine("slow").subscribe("work", Work.class, (w, m) -> Thread.sleep(1));
                var failure = new IllegalStateException("deliberate failure");
                bus.forEngine("failing").subscribe("work", Work.class, (w, m) -> {
                    throw failure;
                });
            }
            MessageBus pub = bus.forEngine("pub");
            long t0 = System.nanoTime();
            for (long i = 0; i < MESSAGES; i++) {
                pub.publish("work", new Work(i));
            }
            assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
            double rate = MESSAGES / ((System.nanoTime() - t0) / 1e9);
            if (withBadNeighbours) {
                assertThat(bus.stats("failing").failed()).isPositive();
                assertThat(bus.stats("slow").backlog()).isPositive(); // the slow engine really fell behind
            }
            return rate;
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void test_slowAndFailingEngines_doNotCutAnotherEnginesThroughputByMoreThan20Percent() throws Exception {
        roundMsgsPerSecond(false); // warm-up: JIT and class loading
        double[] alone = new double[5];
        double[] shared = new double[5];
        for (int r = 0; r < 5; r++) {
            alone[r] = roundMsgsPerSecond(false);
            shared[r] = roundMsgsPerSecond(true);
        }
        double ratio = median(shared) / median(alone);
        assertThat(ratio).as("healthy engine throughput with bad neighbours / alone (alone %s, shared %s)",
                Arrays.toString(alone), Arrays.toString(shared)).isGreaterThanOrEqualTo(0.8);
    }
}
