package io.nautilus.bus.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.javalin.config.RoutesConfig;
import io.nautilus.bus.local.LocalBus;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineConfig;
import io.nautilus.core.engine.EngineContext;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.Health;
import io.nautilus.core.engine.HealthStatus;
import io.nautilus.core.engine.Timer;
import io.nautilus.core.engine.WriteBehind;
import io.nautilus.core.engine.WriteBehindConfig;
import io.nautilus.core.time.Clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime verbs of {@link EngineContext} (call, every/after, offload, writeBehind) on a real host and bus. */
class RuntimeVerbsTest {
    /** Ring state: a counter; the end-of-batch hook "commits" it (or throws when told to). */
    static final class CounterEngine implements Engine {
        EngineContext ctx;
        int value;
        volatile int committed;
        volatile int hookRuns;
        volatile String failNextCommit;

        @Override
        public EngineId id() {
            return EngineId.FACTOR;
        }

        @Override
        public void start(EngineContext context) {
            this.ctx = context;
            context.onEndOfBatch(() -> {
                hookRuns++;
                String fail = failNextCommit;
                if (fail != null) {
                    failNextCommit = null;
                    throw new IllegalStateException(fail);
                }
                committed = value;
            });
        }



    }

    private LocalBus bus;
    private CounterEngine engine;
    private EngineHost host;

    @BeforeEach
    void start() {
        bus = LocalBus.create();
        engine = new CounterEngine();
        var settings = new HostSettings(null, null, "./target/verbs", 1, 1, 50_000, EngineConfig.empty());
        host = new EngineHost(engine, settings, bus, Clock.system(), () -> true).start();
    }

    @AfterEach
    void stop() {
        host.close();
        bus.close();
    }

    @Test
    void test_call_runsOnTheRingThreadAndCompletesAfterTheBatchCommit() throws Exception {
        var thread = new String[1];
        int seen = engine.ctx.call(() -> {
            thread[0] = Thread.currentThread().getName();
            engine.value += 5;
            return engine.value;
        }).get(5, TimeUnit.SECONDS);
        assertThat(thread[0]).isEqualTo("ring-factor");
        assertThat(seen).isEqualTo(5);
        // completed only after the end-of-batch hook committed what the call changed
        assertThat(engine.committed).isEqualTo(5);
    }

    @Test
    void test_call_failsWithTheCommitThatFailedAndWithItsOwnException() throws Exception {
        engine.failNextCommit = "disk full";
        var failed = engine.ctx.call(() -> ++engine.value);
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        var thrown = engine.ctx.<Integer>call(() -> {
            throw new IllegalArgumentException("no such portfolio");
        });
        assertThatThrownBy(() -> thrown.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no such portfolio");
        // the engine goes on: the next call commits both increments
        assertThat(engine.ctx.call(() -> ++engine.value).get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(engine.committed).isEqualTo(2);
    }

    @Test
    void test_call_afterStopFails() {
        EngineContext ctx = engine.ctx;
        host.close();
        assertThatThrownBy(() -> ctx.call(() -> 1).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }

    @Test
    void test_every_runsOnTheRingAndSkipsTicksWhileTheRingIsBusy() throws Exception {
        var threads = new CopyOnWriteArrayList<String>();
        AtomicInteger runs = new AtomicInteger();
        Timer timer = engine.ctx.every(Duration.ofMillis(5), () -> {
            threads.add(Thread.currentThread().getName());
            runs.incrementAndGet();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        // hold the ring thread for 40+ ticks: one tick stays queued, the others are skipped
        var release = new CountDownLatch(1);
        var held = new CountDownLatch(1);
        var blocker = engine.ctx.call(() -> {
            held.countDown();
            try {
                return release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        held.await(5, TimeUnit.SECONDS);
        long skippedBefore = timer.skipped();
        int runsWhileHeld = runs.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> timer.skipped() - skippedBefore >= 20);
        assertThat(runs.get()).as("no run while the ring is held").isEqualTo(runsWhileHeld);
        release.countDown();
        assertThat(blocker.get(5, TimeUnit.SECONDS)).isTrue();
        timer.cancel();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() > runsWhileHeld);
        assertThat(threads).allMatch("ring-factor"::equals);
    }

    @Test
    void test_after_runsOnceOnTheRing() throws Exception {
        var ran = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        engine.ctx.after(Duration.ofMillis(10), () -> {
            engine.value = 42;
            runs.incrementAndGet();
            ran.countDown();
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.ctx.call(() -> engine.value).get(5, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void test_offload_resultTimeoutAndFullPool() throws Exception {
        assertThat(engine.ctx.offload(() -> 6 * 7, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS)).isEqualTo(42);
        // one thread, queue of one: a slow task occupies the thread, a second waits in the queue, a third is refused
        var release = new CountDownLatch(1);
        var slow = engine.ctx.offload(() -> {
            try {
                return release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofMillis(50));
        assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutException.class);
        var queued = engine.ctx.offload(() -> 1, Duration.ofSeconds(5));
        var refused = engine.ctx.offload(() -> 2, Duration.ofSeconds(5));
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(BulkheadFullException.class);
        release.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void test_writeBehind_writesInOrderRetriesShowsInHealthAndFlushesAtStop() throws Exception {
        var written = new CopyOnWriteArrayList<Integer>();
        AtomicInteger attempts = new AtomicInteger();
        var failUntil = new java.util.concurrent.atomic.AtomicInteger(2);
        WriteBehind<Integer> w = engine.ctx.writeBehind(WriteBehindConfig.custom("samples").maxBatch(3)
                .retryDelay(Duration.ofMillis(20)).build(), batch -> {
                    attempts.incrementAndGet();
                    if (failUntil.getAndDecrement() > 0) {
                        throw new java.sql.SQLException("database is locked");
                    }
                    written.addAll(batch);
                });
        // offered on the ring thread, as an engine does
        engine.ctx.call(() -> {
            for (int i = 1; i <= 7; i++) {
                w.offer(i);
            }
            return null;
        }).get(5, TimeUnit.SECONDS);
        assertThat(w.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(written).containsExactly(1, 2, 3, 4, 5, 6, 7);
        WriteBehind.Stats s = w.stats();
        assertThat(s.failures()).isEqualTo(2);
        assertThat(s.written()).isEqualTo(7);
        assertThat(s.waiting()).isZero();
        assertThat(s.lastError()).isNull();
        Health h = host.health();
        assertThat(h.status()).isEqualTo(HealthStatus.UP);
        assertThat(((Map<?, ?>) h.details().get("write_behind")).get("samples")).isEqualTo(s);
        assertThat(host.registry().scrape()).contains("nautilus_write_behind_written_total{engine=\"factor\",writer=\"samples\"} 7.0");

        // a failing store: DEGRADED with the reason; the records are kept
        failUntil.set(Integer.MAX_VALUE);
        w.offer(8);
        await().atMost(Duration.ofSeconds(5)).until(() -> host.health().status() == HealthStatus.DEGRADED);
        assertThat(host.health().reasons()).anyMatch(r -> r.contains("write-behind samples") && r.contains("database is locked"));
        failUntil.set(0);
        // offered in the ring's last batch before stop: written by the close that follows the drain
        engine.ctx.call(() -> w.offer(9));
        host.close();
        assertThat(written).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void test_writeBehind_overflowRules() throws Exception {
        var release = new CountDownLatch(1);
        var written = new ArrayList<Integer>();
        WriteBehind<Integer> dropping = engine.ctx.writeBehind(WriteBehindConfig.custom("dropping").capacity(3)
                .maxBatch(1).overflow(WriteBehindConfig.Overflow.DROP_OLDEST).build(), batch -> {
                    release.await(5, TimeUnit.SECONDS);
                    synchronized (written) {
                        written.addAll(batch);
                    }
                });
        WriteBehind<Integer> rejecting = engine.ctx.writeBehind(WriteBehindConfig.custom("rejecting").capacity(2)
                .maxBatch(1).build(), batch -> release.await(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 6; i++) {
            dropping.offer(i);
        }
        assertThat(rejecting.offer(1)).isTrue();
        assertThat(rejecting.offer(2)).isTrue();
        assertThat(rejecting.offer(3)).isFalse();
        release.countDown();
        assertThat(dropping.flush(Duration.ofSeconds(5))).isTrue();
        // capacity counts the batch in the writer's hands: with 1 taken, 2, 3 and 4 are dropped for 4, 5 and 6 (or
        // 1, 2 and 3 if the writer had taken nothing yet, or one fewer if it took one while an offer dropped);
        // whatever the timing, each record is written or counted as dropped, and the newest are written last
        synchronized (written) {
            assertThat(written).endsWith(5, 6).hasSizeLessThanOrEqualTo(4);
            assertThat(written.size() + dropping.stats().dropped()).isEqualTo(6);
        }
        // nothing left waiting once flushed, whichever records the overflow dropped (the count never goes negative)
        assertThat(dropping.stats().waiting()).isZero();
        assertThat(rejecting.stats().rejected()).isEqualTo(1);
        assertThatThrownBy(() -> engine.ctx.writeBehind(WriteBehindConfig.custom("dropping").build(), b -> { }))
                .hasMessageContaining("exists already");
        assertThat(List.of(WriteBehindConfig.Overflow.values())).hasSize(2);
    }
}
