package io.nautilus.core.quant.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nautilus.testkit.TtrcDaily;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * Test fixture: TTR's {@code ttrc} daily OHLCV (5,550 real bars, shared/data/ttrc_daily_ohlcv.csv, read by
 * {@link TtrcDaily}), the same bars as a ta4j DoubleNum series, and assertion helpers comparing our streaming
 * outputs with a reference.
 */
final class Ttrc {

    static final Ttrc DATA = new Ttrc(TtrcDaily.DATA);

    public final int n;
    public final LocalDate[] date;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;
    private BarSeries series;

    private Ttrc(TtrcDaily bars) {
        n = bars.n;
        date = bars.date;
        open = bars.open;
        high = bars.high;
        low = bars.low;
        close = bars.close;
        volume = bars.volume;
    }

    public OhlcvSeries bars() {
        return OhlcvSeries.of(open, high, low, close, volume);
    }

    /** The same bars as a ta4j series with DoubleNum. */
    public synchronized BarSeries ta4j() {
        if (series == null) {
            BarSeries s = new BaseBarSeriesBuilder().withName("ttrc")
                    .withNumFactory(DoubleNumFactory.getInstance()).build();
            var day = LocalDate.of(1985, 1, 2).atStartOfDay().toInstant(ZoneOffset.UTC);
            for (int i = 0; i < n; i++) {
                s.barBuilder().timePeriod(Duration.ofDays(1)).endTime(day.plus(Duration.ofDays(i + 1)))
                        .openPrice(open[i]).highPrice(high[i]).lowPrice(low[i]).closePrice(close[i])
                        .volume(volume[i]).add();
            }
            series = s;
        }
        return series;
    }

    /** Streams every bar through {@code indicator}; returns [output][bar]. */
    double[][] stream(Indicator indicator) {
        return stream(indicator, n);
    }

    double[][] stream(Indicator indicator, int bars) {
        double[][] out = new double[indicator.outputs()][bars];
        for (int i = 0; i < bars; i++) {
            indicator.update(open[i], high[i], low[i], close[i], volume[i]);
            for (int j = 0; j < out.length; j++) {
                out[j][i] = indicator.output(j);
            }
        }
        return out;
    }

    /** Asserts {@code ours[i]} equals the ta4j value at every bar from {@code from}, relative tolerance. */
    static void assertMatches(double[] ours, org.ta4j.core.Indicator<Num> reference, int from, double relative) {
        assertMatches(ours, i -> reference.getValue(i).doubleValue(), from, relative);
    }

    static void assertMatches(double[] ours, java.util.function.IntToDoubleFunction reference, int from,
            double relative) {
        for (int i = from; i < ours.length; i++) {
            double expected = reference.applyAsDouble(i);
            assertThat(ours[i]).as("bar %d", i).isCloseTo(expected, within(relative * Math.max(1, Math.abs(expected))));
        }
    }

    /**
     * Asserts the exact warm-up: not ready and every output NaN for the first {@code warmup - 1} bars, ready
     * with every output finite at bar {@code warmup}.
     */
    void assertWarmup(Supplier<Indicator> factory, int warmup) {
        Indicator indicator = factory.get();
        assertThat(indicator.warmupBars()).isEqualTo(warmup);
        for (int i = 0; i < warmup; i++) {
            assertThat(indicator.isReady()).as("ready before bar %d", i + 1).isFalse();
            indicator.update(open[i], high[i], low[i], close[i], volume[i]);
        }
        assertThat(indicator.isReady()).as("ready after %d bars", warmup).isTrue();
        for (int j = 0; j < indicator.outputs(); j++) {
            assertThat(indicator.output(j)).as("output %d after warm-up", j).isFinite();
        }
    }

    /** Index of the first non-NaN value, or -1. */
    static int firstValue(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
