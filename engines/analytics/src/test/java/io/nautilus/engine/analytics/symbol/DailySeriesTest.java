package io.nautilus.engine.analytics.symbol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.core.model.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailySeriesTest {
    static final long DAY = 86_400_000_000_000L;
    static final long T0 = 19_000 * DAY;

    static List<Bar> bars(String symbol, long[] days, double[] close) {
        var out = new ArrayList<Bar>();
        for (int i = 0; i < days.length; i++) {
            long start = T0 + days[i] * DAY;
            out.add(new Bar(symbol, "1d", start, start + DAY, close[i], close[i], close[i], close[i], 0, close[i], 0));
        }
        return out;
    }

    /* A has days 0, 1, 2, 4; B has 0, 2, 3, 4: common 0, 2, 4 -> A 10, 12, 15; B 20, 19, 21. */
    @Test
    void test_alignedReturns_onCommonDaysOnly() {
        var a = DailySeries.of("A", bars("A", new long[] {0, 1, 2, 4}, new double[] {10, 11, 12, 15}));
        var b = DailySeries.of("B", bars("B", new long[] {0, 2, 3, 4}, new double[] {20, 19, 30, 21}));
        double[][] r = a.alignedReturns(b);
        assertThat(r[0]).containsExactly(new double[] {0.2, 0.25}, within(1e-15));
        assertThat(r[1]).containsExactly(new double[] {19 / 20.0 - 1, 21 / 19.0 - 1}, within(1e-15));
        assertThat(a.returns()).containsExactly(new double[] {0.1, 12 / 11.0 - 1, 0.25}, within(1e-15));
    }

    /* 3 A - 1 B on the common days 0, 2, 4: 30 - 20 = 10, 36 - 19 = 17, 45 - 21 = 24. */
    @Test
    void test_basketValues_constantQuantitiesOnCommonDays() {
        var a = DailySeries.of("A", bars("A", new long[] {0, 1, 2, 4}, new double[] {10, 11, 12, 15}));
        var b = DailySeries.of("B", bars("B", new long[] {0, 2, 3, 4}, new double[] {20, 19, 30, 21}));
        assertThat(DailySeries.basketValues(List.of(a, b), new double[] {3, -1}))
                .containsExactly(new double[] {10, 17, 24}, within(1e-12));
    }
}
