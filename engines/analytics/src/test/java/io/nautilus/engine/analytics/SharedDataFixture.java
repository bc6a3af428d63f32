package io.nautilus.engine.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Price columns of the CSV files in /work/shared/data, turned into daily simple returns for reference tests. */
public final class SharedDataFixture {

    private SharedDataFixture() {
    }

    /** Daily simple returns of the ttrc close (column 5 of ttrc_daily_ohlcv.csv), oldest first: 5,549 values. */
    public static double[] ttrcReturns() {
        return simpleReturns(column("ttrc_daily_ohlcv.csv", 4));
    }

    /** Daily simple returns of the DAX close (eu_stock_markets_daily_close.csv): 1,859 values. */
    public static double[] daxReturns() {
        return simpleReturns(column("eu_stock_markets_daily_close.csv", 1));
    }

    /** Daily simple returns of the FTSE close, the same days as {@link #daxReturns()}. */
    public static double[] ftseReturns() {
        return simpleReturns(column("eu_stock_markets_daily_close.csv", 4));
    }

    /** Daily simple returns of the SMI close, the same days as {@link #daxReturns()}. */
    public static double[] smiReturns() {
        return simpleReturns(column("eu_stock_markets_daily_close.csv", 2));
    }

    /** Daily simple returns of the CAC close, the same days as {@link #daxReturns()}. */
    public static double[] cacReturns() {
        return simpleReturns(column("eu_stock_markets_daily_close.csv", 3));
    }

    /** Daily simple returns of a price series, oldest first. */
    public static double[] simpleReturns(double[] prices) {
        double[] r = new double[prices.length - 1];
        for (int i = 1; i < prices.length; i++) {
            r[i - 1] = prices[i] / prices[i - 1] - 1;
        }
        return r;
    }

    /** One numeric column (0-based) of a CSV file of the shared data, header skipped. */
    public static double[] column(String file, int index) {
        Path path = sharedData().resolve(file);
        try {
            List<String> lines = Files.readAllLines(path);
            return lines.stream().skip(1).filter(l -> !l.isBlank())
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[index])).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The shared data directory: system property {@code nautilus.shared.data}, else /work/shared/data. */
    public static Path sharedData() {
        String configured = System.getProperty("nautilus.shared.data");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of("/work/shared/data");
    }
}
