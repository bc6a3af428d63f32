package io.nautilus.engine.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real series from the shared data directory (system property nautilus.shared.data, else /work/shared/data). */
public final class SharedData {
    private SharedData() {
    }

    /**
     * Daily simple returns {@code [period][asset]} of DAX, SMI, CAC and FTSE from eu_stock_markets_daily_close.csv,
     * from the first {@code closes} closes ({@code closes - 1} periods).
     */
    public static double[][] euStockReturns(int closes) {
        List<String> lines = lines("eu_stock_markets_daily_close.csv").subList(1, closes + 1);
        double[][] px = lines.stream().map(l -> l.split(","))
                .map(f -> new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])})
                .toArray(double[][]::new);
        double[][] r = new double[px.length - 1][4];
        for (int t = 1; t < px.length; t++) {
            for (int i = 0; i < 4; i++) {
                r[t - 1][i] = px[t][i] / px[t - 1][i] - 1;
            }
        }
        return r;
    }

    /** The dem2gbp daily percentage log returns (1,974 values). */
    public static double[] dem2gbp() {
        return lines("dem2gbp_daily_returns.csv").stream().skip(1).filter(l -> !l.isBlank())
                .mapToDouble(Double::parseDouble).toArray();
    }

    /** Rows of ttrc_daily_ohlcv.csv without the header: date, open, high, low, close, volume. */
    public static List<String[]> ttrc() {
        return lines("ttrc_daily_ohlcv.csv").stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    }

    private static List<String> lines(String file) {
        String configured = System.getProperty("nautilus.shared.data");
        Path dir = configured == null || configured.isBlank() ? Path.of("/work/shared/data") : Path.of(configured);
        if (!Files.isDirectory(dir)) {
            dir = Path.of("/work/shared/data");
        }
        try {
            return Files.readAllLines(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " in " + dir, e);
        }
    }
}
