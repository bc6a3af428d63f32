package io.nautilus.engine.risk.limit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The risk view of one portfolio: positions, marks and P&amp;L by symbol, with the aggregates every limit type
 * needs kept up to date incrementally, so that a limit can be measured on the portfolio as it is, or as it would
 * be after one order, in O(1) for portfolio and symbol scopes (O(positions in the sector) for sector scope).
 *
 * <p>Kept incrementally on each position or price change: gross and net market value, the two largest |mv| and
 * |quantity|/ADV, gross by sector/country/currency, today's P&amp;L, and for the delta-normal measures the vector
 * {@code s = S m} (S the {@link RiskModel} covariance, m the market values), {@code V = m' S m}, and for the
 * average correlation {@code r = C |m|} and {@code |m|' C |m|} (C the correlation matrix). A change of one
 * position costs O(model size) for {@code s} and {@code r} plus O(positions) to re-rank the largest ones.
 * A new model or new reference data recomputes everything (O(model size x positions)).
 *
 * <p>Conventions: market value = quantity x last price; a held position with no price yet is "unpriced" and makes
 * every value-based measure NO_DATA (NaN); a held symbol outside the model makes VaR, ES, volatility and
 * correlation NaN; a held symbol without ADV makes adv_limit and liquidity NaN. Today's P&amp;L is
 * realized + quantity x (price - average cost), against its value at the first event of the UTC day (or when
 * the position was first seen). Equity is the portfolio's own cash (from its {@code PortfolioState},
 * {@link #setCash}) plus the market value of its positions at this book's marks; a hypothetical book (what-if)
 * has a fixed equity ({@link #setReportedEquity}) or a capital plus the P&amp;L of its positions; without any it
 * is unknown. Peak equity is the highest equity observed.
 *
 * <p>Not thread-safe: owned by the risk engine's ring thread. Allocates only when a new symbol is seen.
 */
public final class ExposureBook {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /**
     * Settings of the measures. Immutable.
     *
     * @param participationRate fraction of ADV that can be traded per day when liquidating, in (0, 1]
     * @param annualizationDays trading days per year used to annualize volatility, &gt; 0
     */
    public record Settings(double participationRate, double annualizationDays) {
        public static final Settings DEFAULT = new Settings(0.1, 252);

        public Settings {
            if (!(participationRate > 0 && participationRate <= 1)) {
                throw new IllegalArgumentException("participation_rate must be in (0, 1], got " + participationRate);
            }
            if (!(annualizationDays > 0 && Double.isFinite(annualizationDays))) {
                throw new IllegalArgumentException("annualization_days must be > 0, got " + annualizationDays);
            }
        }
    }

    final String portfolioId;
    final Settings settings;
    RiskModel model = RiskModel.EMPTY;
    private ReferenceData reference = ReferenceData.EMPTY;
    private final Map<String, Integer> slots = new HashMap<>();

    String[] symbol = new String[16];
    double[] qty = new double[16];
    double[] price = new double[16];
    double[] avgCost = new double[16];
    double[] realized = new double[16];
    double[] base = new double[16];
    double[] adv = new double[16];
    int[] row = new int[16];
    final int[][] bucket = new int[Dimension.ALL.length][16];
    int size;

    int[] held = new int[16];
    private int[] heldAt = new int[16];
    int heldCount;

    final Buckets[] buckets = {new Buckets(), new Buckets(), new Buckets()};
    double gross;
    double net;
    double pnlSum;
    double baseSum;
    int unpriced;
    int uncovered;
    int advMissing;
    int absTop = -1;
    double absTop1;
    double absTop2;
    int advTop = -1;
    double advTop1;
    double advTop2;

    double[] s = new double[0];
    double[] r = new double[0];
    double variance;
    double uRu;
    double sumU;
    double sumU2;

    private double reportedEquity = Double.NaN;
    private double capital = Double.NaN;
    private double cash = Double.NaN;
    double peakEquity = Double.NaN;
    private long day = Long.MIN_VALUE;

    public ExposureBook(String portfolioId, Settings settings) {
        this.portfolioId = portfolioId;
        this.settings = settings;
    }

    public String portfolioId() {
        return portfolioId;
    }

    /** The slot of a symbol, created (flat, unpriced) on first use. */
    public int slot(String sym) {
        Integer k = slots.get(sym);
        return k != null ? k : newSlot(sym);
    }

    /** The slot of a symbol, or -1 when the book has never seen it. */
    public int find(String sym) {
        Integer k = slots.get(sym);
        return k == null ? -1 : k;
    }

    /** Signed quantity of a slot. */
    public double quantity(int k) {
        return qty[k];
    }

    /** Last price of a slot, 0 when unknown. */
    public double price(int k) {
        return price[k];
    }

    /** Number of open positions. */
    public int positionCount() {
        return heldCount;
    }

    /** Gross market value, sum |mv|. */
    public double gross() {
        return gross;
    }

    /** Net market value, sum mv. */
    public double net() {
        return net;
    }

    /** Today's P&amp;L of the portfolio, currency. */
    public double dayPnl() {
        return pnlSum - baseSum;
    }

    /** Every symbol the book has seen (open, closed or only ordered). */
    public java.util.List<String> symbols() {
        return java.util.List.of(Arrays.copyOf(symbol, size));
    }

    /** Highest equity observed, NaN when equity was never known. */
    public double peakEquity() {
        return peakEquity;
    }

    /** Symbols of the open positions and their signed market values, for reports and VaR. */
    public Map<String, Double> marketValues() {
        var out = new java.util.LinkedHashMap<String, Double>();
        for (int i = 0; i < heldCount; i++) {
            int k = held[i];
            out.put(symbol[k], qty[k] * price[k]);
        }
        return out;
    }

    /** Applies a position update (quantity, average cost, realized P&amp;L to date, last price if &gt; 0). */
    public void applyPosition(String sym, double quantity, double averageCost, double realizedPnl, double lastPrice,
                              long tsNanos) {
        roll(tsNanos);
        boolean fresh = !slots.containsKey(sym);
        int k = slot(sym);
        pnlSum -= pnl(k);
        avgCost[k] = averageCost;
        realized[k] = realizedPnl;
        pnlSum += pnl(k);
        change(k, quantity, lastPrice > 0 ? lastPrice : price[k]);
        if (fresh) {
            baseSum += pnl(k) - base[k];
            base[k] = pnl(k);
        }
        refreshEquity();
    }

    /**
     * Forgets slot {@code k} if it is the last one created and still flat with no P&amp;L: a dry run (HTTP
     * pre-trade) of an order on a symbol the book did not know leaves the book as it was.
     */
    public void forgetFlat(int k) {
        if (k != size - 1 || qty[k] != 0 || realized[k] != 0) {
            return;
        }
        slots.remove(symbol[k]);
        symbol[k] = null;
        price[k] = 0;
        avgCost[k] = 0;
        base[k] = 0;
        size--;
    }

    /** Marks a symbol at a new price; ignored when the book has no slot for it. Returns true if it was held. */
    public boolean applyPrice(String sym, double lastPrice, long tsNanos) {
        Integer k = slots.get(sym);
        if (k == null || !(lastPrice > 0)) {
            return false;
        }
        roll(tsNanos);
        change(k, qty[k], lastPrice);
        refreshEquity();
        return qty[k] != 0;
    }

    /**
     * The portfolio's cash (from its {@code PortfolioState}), currency; once set, equity is this cash plus the
     * market value of the positions at this book's marks. NaN to clear.
     */
    public void setCash(double amount, long tsNanos) {
        roll(tsNanos);
        cash = amount;
        refreshEquity();
    }

    /** The portfolio's capital (its initial value), NaN when unknown. */
    public double capital() {
        return capital;
    }

    /** The portfolio's cash, NaN when the book has no state. */
    public double cash() {
        return cash;
    }

    /** A fixed equity for a hypothetical book (a what-if check's posted equity), currency. */
    public void setReportedEquity(double equity, long tsNanos) {
        roll(tsNanos);
        reportedEquity = equity;
        refreshEquity();
    }

    /** Configured capital, the base of equity when neither cash nor an equity is known; NaN to clear. */
    public void setCapital(double amount) {
        capital = amount;
        refreshEquity();
    }

    /**
     * Current equity, NaN when unknown: cash + market value of the positions when the cash is known (NaN while a
     * held position has no price), else the fixed equity of a hypothetical book, else capital + P&amp;L.
     */
    public double equity() {
        if (!Double.isNaN(cash)) {
            return unpriced > 0 ? Double.NaN : cash + net;
        }
        if (!Double.isNaN(reportedEquity)) {
            return reportedEquity;
        }
        return Double.isNaN(capital) ? Double.NaN : capital + pnlSum;
    }

    /** Replaces the covariance model and recomputes the risk aggregates. */
    public void setModel(RiskModel newModel) {
        model = newModel;
        for (int k = 0; k < size; k++) {
            row[k] = model.row(symbol[k]);
        }
        recomputeAll();
    }

    /** Replaces the reference data and recomputes the bucket and ADV aggregates. */
    public void setReference(ReferenceData data) {
        reference = data;
        for (int k = 0; k < size; k++) {
            classify(k);
        }
        recomputeAll();
    }

    /** Starts a new day at the first event of a UTC day: today's P&amp;L restarts from 0. */
    private void roll(long tsNanos) {
        long d = Math.floorDiv(tsNanos, NANOS_PER_DAY);
        if (d != day) {
            day = d;
            for (int k = 0; k < size; k++) {
                base[k] = pnl(k);
            }
            baseSum = pnlSum;
        }
    }

    double pnl(int k) {
        return price[k] > 0 ? realized[k] + qty[k] * (price[k] - avgCost[k]) : realized[k];
    }

    double mv(int k) {
        return price[k] > 0 ? qty[k] * price[k] : 0.0;
    }

    private void refreshEquity() {
        double e = equity();
        if (!Double.isNaN(e) && (Double.isNaN(peakEquity) || e > peakEquity)) {
            peakEquity = e;
        }
    }

    private int newSlot(String sym) {
        if (size == symbol.length) {
            int n = size * 2;
            symbol = Arrays.copyOf(symbol, n);
            qty = Arrays.copyOf(qty, n);
            price = Arrays.copyOf(price, n);
            avgCost = Arrays.copyOf(avgCost, n);
            realized = Arrays.copyOf(realized, n);
            base = Arrays.copyOf(base, n);
            adv = Arrays.copyOf(adv, n);
            row = Arrays.copyOf(row, n);
            for (int d = 0; d < bucket.length; d++) {
                bucket[d] = Arrays.copyOf(bucket[d], n);
            }
            held = Arrays.copyOf(held, n);
            heldAt = Arrays.copyOf(heldAt, n);
        }
        int k = size++;
        symbol[k] = sym;
        row[k] = model.row(sym);
        heldAt[k] = -1;
        classify(k);
        slots.put(sym, k);
        return k;
    }

    private void classify(int k) {
        SymbolInfo info = reference.info(symbol[k]);
        adv[k] = info.adv();
        for (Dimension d : Dimension.ALL) {
            bucket[d.ordinal()][k] = buckets[d.ordinal()].id(d.of(info));
        }
    }

    /** Moves slot k to a new quantity and price, updating every aggregate. */
    private void change(int k, double newQty, double newPrice) {
        double oldMv = mv(k);
        boolean wasHeld = qty[k] != 0;
        if (wasHeld) {
            count(k, -1);
        }
        pnlSum -= pnl(k);
        qty[k] = newQty;
        price[k] = newPrice;
        pnlSum += pnl(k);
        double newMv = mv(k);
        boolean isHeld = newQty != 0;
        if (isHeld) {
            count(k, 1);
        }
        if (isHeld != wasHeld) {
            if (isHeld) {
                heldAt[k] = heldCount;
                held[heldCount++] = k;
            } else {
                int at = heldAt[k];
                int last = held[--heldCount];
                held[at] = last;
                heldAt[last] = at;
                heldAt[k] = -1;
            }
        }
        double oldAbs = Math.abs(oldMv);
        double newAbs = Math.abs(newMv);
        gross += newAbs - oldAbs;
        net += newMv - oldMv;
        for (int d = 0; d < buckets.length; d++) {
            buckets[d].gross[bucket[d][k]] += newAbs - oldAbs;
        }
        int rk = row[k];
        if (rk >= 0 && newMv != oldMv) {
            double delta = newMv - oldMv;
            variance += 2 * delta * s[rk] + delta * delta * model.covariance(rk, rk);
            double[] cov = model.covarianceRow(rk);
            for (int i = 0; i < s.length; i++) {
                s[i] += delta * cov[i];
            }
            double du = newAbs - oldAbs;
            uRu += 2 * du * r[rk] + du * du;
            double[] corr = model.correlationRow(rk);
            for (int i = 0; i < r.length; i++) {
                r[i] += du * corr[i];
            }
            sumU += du;
            sumU2 += newAbs * newAbs - oldAbs * oldAbs;
        }
        rank();
    }

    private void count(int k, int sign) {
        if (!(price[k] > 0)) {
            unpriced += sign;
        }
        if (row[k] < 0) {
            uncovered += sign;
        }
        if (Double.isNaN(adv[k])) {
            advMissing += sign;
        }
    }

    /** Recomputes every aggregate from the positions (after a model or reference change). */
    private void recomputeAll() {
        int n = model.size();
        s = new double[n];
        r = new double[n];
        gross = 0;
        net = 0;
        unpriced = 0;
        uncovered = 0;
        advMissing = 0;
        sumU = 0;
        sumU2 = 0;
        for (Buckets b : buckets) {
            b.clear();
        }
        for (int i = 0; i < heldCount; i++) {
            int k = held[i];
            count(k, 1);
            double m = mv(k);
            double a = Math.abs(m);
            gross += a;
            net += m;
            for (int d = 0; d < buckets.length; d++) {
                buckets[d].gross[bucket[d][k]] += a;
            }
            int rk = row[k];
            if (rk >= 0 && m != 0) {
                double[] cov = model.covarianceRow(rk);
                double[] corr = model.correlationRow(rk);
                for (int j = 0; j < n; j++) {
                    s[j] += m * cov[j];
                    r[j] += a * corr[j];
                }
                sumU += a;
                sumU2 += a * a;
            }
        }
        variance = 0;
        uRu = 0;
        for (int i = 0; i < heldCount; i++) {
            int k = held[i];
            if (row[k] >= 0) {
                variance += mv(k) * s[row[k]];
                uRu += Math.abs(mv(k)) * r[row[k]];
            }
        }
        rank();
    }

    /** Re-ranks the largest positions by |mv| and by |quantity|/ADV, and the largest buckets. */
    private void rank() {
        absTop = -1;
        absTop1 = 0;
        absTop2 = 0;
        advTop = -1;
        advTop1 = 0;
        advTop2 = 0;
        for (int i = 0; i < heldCount; i++) {
            int k = held[i];
            double a = Math.abs(mv(k));
            if (absTop < 0 || a > absTop1) {
                absTop2 = absTop1;
                absTop1 = a;
                absTop = k;
            } else if (a > absTop2) {
                absTop2 = a;
            }
            double ratio = Math.abs(qty[k]) / adv[k];
            if (ratio == ratio) {
                if (advTop < 0 || ratio > advTop1) {
                    advTop2 = advTop1;
                    advTop1 = ratio;
                    advTop = k;
                } else if (ratio > advTop2) {
                    advTop2 = ratio;
                }
            }
        }
        for (Buckets b : buckets) {
            b.rank();
        }
    }

    ReferenceData reference() {
        return reference;
    }
}
