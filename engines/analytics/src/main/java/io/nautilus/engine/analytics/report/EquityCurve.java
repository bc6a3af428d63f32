package io.nautilus.engine.analytics.report;

import io.nautilus.core.quant.stats.Drawdowns;
import io.nautilus.core.quant.stats.Returns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * An equity curve: equity values (currency) at increasing epoch-nanosecond times, as sampled by the Analytics
 * engine, with the derived series a tear sheet shows. Days and months are UTC calendar days and months.
 * Immutable and thread-safe: arrays are copied in and out.
 *
 * @param timesNanos sample times, strictly increasing, epoch nanoseconds
 * @param equity     equity at each time, finite and &gt; 0 (returns are undefined through zero equity)
 */
public record EquityCurve(long[] timesNanos, double[] equity) {

    public EquityCurve {
        if (timesNanos == null || equity == null || timesNanos.length != equity.length) {
            throw new IllegalArgumentException("times_nanos and equity must be present and of the same length");
        }
        timesNanos = timesNanos.clone();
        equity = equity.clone();
        for (int i = 0; i < equity.length; i++) {
            if (!(equity[i] > 0) || !Double.isFinite(equity[i])) {
                throw new IllegalArgumentException("equity[" + i + "] is " + equity[i] + ", must be finite and > 0");
            }
            if (i > 0 && timesNanos[i] <= timesNanos[i - 1]) {
                throw new IllegalArgumentException("times_nanos[" + i + "] is not after times_nanos[" + (i - 1) + "]");
            }
        }
    }

    @Override
    public long[] timesNanos() {
        return timesNanos.clone();
    }

    @Override
    public double[] equity() {
        return equity.clone();
    }

    public int size() {
        return equity.length;
    }

    /** The last sample of each UTC day, in day order. */
    public EquityCurve dailyCloses() {
        int n = equity.length;
        long[] t = new long[n];
        double[] e = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean lastOfDay = i == n - 1 || !day(timesNanos[i]).equals(day(timesNanos[i + 1]));
            if (lastOfDay) {
                t[k] = timesNanos[i];
                e[k++] = equity[i];
            }
        }
        return new EquityCurve(Arrays.copyOf(t, k), Arrays.copyOf(e, k));
    }

    /** Simple returns between consecutive samples: {@code equity[i] / equity[i - 1] - 1}, {@code size() - 1} values. */
    public double[] returns() {
        return Returns.simple(equity);
    }

    /** Drawdown at each sample, {@code equity / runningPeak - 1}, a fraction in (-1, 0]; empty for an empty curve. */
    public double[] drawdowns() {
        return equity.length == 0 ? new double[0] : Drawdowns.ofWealth(equity);
    }

    /**
     * Compounded return of each UTC calendar month: the last equity of the month over the last equity of the
     * previous month (the first sample for the first month), minus 1.
     */
    public SequencedMap<YearMonth, Double> monthlyReturns() {
        SequencedMap<YearMonth, Double> out = new LinkedHashMap<>();
        if (equity.length == 0) {
            return out;
        }
        double base = equity[0];
        for (int i = 0; i < equity.length; i++) {
            YearMonth month = YearMonth.from(day(timesNanos[i]));
            boolean lastOfMonth = i == equity.length - 1 || !month.equals(YearMonth.from(day(timesNanos[i + 1])));
            if (lastOfMonth) {
                out.put(month, equity[i] / base - 1);
                base = equity[i];
            }
        }
        return out;
    }

    static LocalDate day(long epochNanos) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(0, epochNanos), ZoneOffset.UTC);
    }
}
