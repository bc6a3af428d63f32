package io.nautilus.engine.risk.limit;

import java.util.List;
import java.util.Map;

/**
 * A three-position portfolio used by the limit tests, with every measure computed by hand (numpy) in the tests.
 * <pre>
 * symbol  sector  country currency  ADV    qty   avg cost  price (first seen -> now)  daily vol
 * A       Tech    US      USD       1000   100   45        50 -> 48                   2%
 * B       Tech    US      USD        500   -40   110       100                        3%
 * C       Energy  GB      GBP       2000   200   12        10 (realized -100)         1%
 * correlations: AB 0.5, AC 0.2, BC -0.1; capital 20,000
 * </pre>
 * Equity after each position is first seen: 20,500, 20,900, 20,400 (P&amp;L 500 + 400 - 500), so peak equity is
 * 20,900; once A
 * moves to 48 the day's P&amp;L is -200, equity 20,200 and drawdown (20,900 - 20,200) / 20,900. Market values now: A 4,800, B -4,000, C 2,000.
 */
public final class BookFixture {
    public static final long T0 = 1_700_000_000_000_000_000L;
    public static final double[] VOL = {0.02, 0.03, 0.01};
    public static final double[][] CORR = {{1, 0.5, 0.2}, {0.5, 1, -0.1}, {0.2, -0.1, 1}};

    private BookFixture() {
    }

    public static RiskModel model() {
        double[][] cov = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cov[i][j] = VOL[i] * VOL[j] * CORR[i][j];
            }
        }
        return new RiskModel(List.of("A", "B", "C"), cov);
    }

    public static ReferenceData reference() {
        return new ReferenceData(Map.of(
                "A", new SymbolInfo("Tech", "US", "USD", 1000),
                "B", new SymbolInfo("Tech", "US", "USD", 500),
                "C", new SymbolInfo("Energy", "GB", "GBP", 2000)));
    }

    public static ExposureBook book() {
        var book = new ExposureBook("p1", ExposureBook.Settings.DEFAULT);
        book.setModel(model());
        book.setReference(reference());
        book.setCapital(20_000);
        book.applyPosition("A", 100, 45, 0, 50, T0);
        book.applyPosition("B", -40, 110, 0, 100, T0 + 1);
        book.applyPosition("C", 200, 12, -100, 10, T0 + 2);
        book.applyPrice("A", 48, T0 + 3);
        return book;
    }
}
