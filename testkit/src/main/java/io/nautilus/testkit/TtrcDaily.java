package io.nautilus.testkit;

import java.time.LocalDate;

/**
 * TTR's {@code ttrc} daily OHLCV ({@code shared/data/ttrc_daily_ohlcv.csv}, 5,550 real bars, oldest first) as
 * aligned columns, loaded once. The arrays are shared: tests must not modify them. Thread-safe once loaded.
 */
public final class TtrcDaily {

    /** The file in the shared data directory. */
    public static final String FILE = "ttrc_daily_ohlcv.csv";
    /** The bars, read on first use. */
    public static final TtrcDaily DATA = load();

    public final int n;
    public final LocalDate[] date;
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    private TtrcDaily(CsvColumns csv) {
        n = csv.rows();
        String[] days = csv.text("date");
        date = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            date[i] = LocalDate.parse(days[i]);
        }
        open = csv.column("open");
        high = csv.column("high");
        low = csv.column("low");
        close = csv.column("close");
        volume = csv.column("volume");
    }

    private static TtrcDaily load() {
        return new TtrcDaily(SharedData.csv(FILE));
    }
}
