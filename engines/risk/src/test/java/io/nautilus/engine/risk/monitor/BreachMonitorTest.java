package io.nautilus.engine.risk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nautilus.core.model.Severity;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitEvaluation;
import io.nautilus.engine.risk.limit.LimitScope;
import io.nautilus.engine.risk.limit.LimitType;
import io.nautilus.engine.risk.monitor.BreachMonitor.Transition;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Leverage limit 2.0, warning 80%, breach 100%, band 5 points: values are utilisation / 50. */
class BreachMonitorTest {
    private static final LimitDefinition LIMIT =
            LimitDefinition.of("lev", LimitType.LEVERAGE, 2.0, LimitScope.PORTFOLIO, "p1", null, null);
    private final AtomicInteger seq = new AtomicInteger();
    private final BreachMonitor monitor = new BreachMonitor(5, true, () -> "b" + seq.incrementAndGet());

    private Transition at(double utilisationPct) {
        return monitor.update("p1", LimitEvaluation.of(LIMIT, utilisationPct / 50.0), 1);
    }

    @Test
    void test_update_opensEscalatesAndResolves() {
        assertThat(at(70)).isEqualTo(Transition.NONE);
        assertThat(at(85)).isEqualTo(Transition.OPENED);
        assertThat(monitor.open("p1", "lev").severity()).isEqualTo(Severity.WARNING);
        assertThat(at(101)).isEqualTo(Transition.ESCALATED);
        assertThat(at(160)).isEqualTo(Transition.ESCALATED);
        assertThat(monitor.open("p1", "lev").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(monitor.open("p1", "lev").breachId).isEqualTo("b1");
        assertThat(at(74)).isEqualTo(Transition.RESOLVED);
        assertThat(monitor.open("p1", "lev")).isNull();
    }

    @Test
    void test_update_hoveringAtAThresholdDoesNotFlap() {
        assertThat(at(80)).isEqualTo(Transition.OPENED);
        // 79.9 .. 80.1 around the warning threshold: inside the 5-point band, nothing happens
        for (int i = 0; i < 10; i++) {
            assertThat(at(i % 2 == 0 ? 79.9 : 80.1)).isEqualTo(Transition.NONE);
        }
        assertThat(at(100)).isEqualTo(Transition.ESCALATED);
        for (int i = 0; i < 10; i++) {
            assertThat(at(i % 2 == 0 ? 99.9 : 100.1)).isEqualTo(Transition.NONE);
        }
        // below 100 - 5: back to WARNING
        assertThat(at(94.9)).isEqualTo(Transition.DOWNGRADED);
        assertThat(monitor.open("p1", "lev").severity()).isEqualTo(Severity.WARNING);
        assertThat(at(75.1)).isEqualTo(Transition.NONE);
        assertThat(at(74.9)).isEqualTo(Transition.RESOLVED);
    }

    @Test
    void test_update_withoutAutoResolveStaysOpenAtWarning() {
        var manual = new BreachMonitor(5, false, () -> "m");
        manual.update("p1", LimitEvaluation.of(LIMIT, 2.2), 1);
        assertThat(manual.update("p1", LimitEvaluation.of(LIMIT, 0.1), 2)).isEqualTo(Transition.DOWNGRADED);
        assertThat(manual.update("p1", LimitEvaluation.of(LIMIT, 0.1), 3)).isEqualTo(Transition.NONE);
        assertThat(manual.close("m")).isNotNull();
        assertThat(manual.open("p1", "lev")).isNull();
    }

    @Test
    void test_update_noDataChangesNothing() {
        at(90);
        assertThat(monitor.update("p1", LimitEvaluation.of(LIMIT, Double.NaN), 2)).isEqualTo(Transition.NONE);
        assertThat(monitor.open("p1", "lev")).isNotNull();
    }
}
