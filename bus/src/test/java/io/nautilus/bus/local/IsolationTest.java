package io.nautilus.bus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nautilus.core.bus.MessageBus;
import io.nautilus.core.time.Clock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Bulkheads between engines: a stuck engine (its handler blocked) and a failing engine (its handler throws on every
 * message) that share a topic with a healthy engine neither block the publisher nor hold back the healthy engine,
 * which handles every message while its neighbours are still stuck. Progress, not a timed throughput: the
 * throughput of fan-out is measured by the {@code OneToThreeThroughput} JMH benchmark.
 */
class IsolationTest {
    private static final int MESSAGES = 20_000;

    record Work(long n) {
    }

    @Test
    void test_stuckAndFailingEngines_neitherBlockThePublisherNorHoldBackAHealthyEngine() throws Exception {
        try (var bus = new LocalBus(LocalBusConfig.DEFAULT, Clock.system())) {
            var handled = new long[1];
            var sum = new long[1];
            var healthyDone = new CountDownLatch(1);
            bus.forEngine("healthy").subscribe("work", Work.class, (w, m) -> {
                sum[0] += w.n();
                if (++handled[0] == MESSAGES) {
                    healthyDone.countDown();
                }
            });
            var release = new CountDownLatch(1);
            var stuckEntered = new CountDownLatch(1);
            bus.forEngine("stuck").subscribe("work", Work.class, (w, m) -> {
                stuckEntered.countDown();
                release.await();
            });
            var failure = new IllegalStateException("deliberate failure");
            bus.forEngine("failing").subscribe("work", Work.class, (w, m) -> {
                throw failure;
            });
            MessageBus pub = bus.forEngine("pub");
            try {
                for (long i = 0; i < MESSAGES; i++) {
                    pub.publish("work", new Work(i));
                }
                // the publisher got here while the stuck engine holds its first message
                assertThat(stuckEntered.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(healthyDone.await(60, TimeUnit.SECONDS)).as("healthy engine handled every message").isTrue();
                assertThat(sum[0]).isEqualTo((long) MESSAGES * (MESSAGES - 1) / 2);
                assertThat(bus.stats("stuck").delivered()).as("the stuck engine is still on its first message").isZero();
                assertThat(bus.stats("stuck").backlog()).isBetween((long) MESSAGES - 1, (long) MESSAGES); // the one in hand may count
                await().atMost(Duration.ofSeconds(60)).until(() -> bus.stats("failing").failed() == MESSAGES);
                assertThat(bus.stats("healthy").failed()).isZero();
            } finally {
                release.countDown();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> bus.stats("stuck").delivered() == MESSAGES);
        }
    }
}
