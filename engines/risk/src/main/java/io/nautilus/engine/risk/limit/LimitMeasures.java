package io.nautilus.engine.risk.limit;

import io.nautilus.core.quant.NormalDistribution;
import io.nautilus.engine.risk.var.ParametricVar;

/**
 * Measures limits on an {@link ExposureBook}, either as the book is ({@link #current()}) or as it would be after one
 * order ({@link #whatIf}): the pre-trade check and the monitor share this one code path. Definitions of each
 * measure are on {@link LimitType}; VaR and ES are delta-normal on the book's {@link RiskModel}
 * ({@code z_c sqrt(m' S m) sqrt(h)} and {@code phi(z_c)/(1-c) sqrt(m' S m) sqrt(h)}, as {@link ParametricVar}).
 * An order changes no P&amp;L, so daily loss and drawdown are measured as they are. A value that cannot be
 * measured is NaN.
 *
 * <p>Portfolio and symbol scopes cost O(1) per limit; sector scope O(positions in the sector), and
 * O(positions in the sector squared) for the sector's VaR, ES and volatility. Not thread-safe (one per book, on
 * the ring thread); allocates nothing per call.
 */
public final class LimitMeasures {
    private final ExposureBook b;
    private int[] members = new int[16];

    private int k = -1;
    private double newQty;
    private double newMv;
    private double delta;
    private double gross;
    private double net;
    private double maxAbs;
    private double variance;
    private double uRu;
    private double sumU;
    private double sumU2;
    private double maxAdv;
    private int advMissing;
    private int unpriced;
    private int uncovered;

    private double zConfidence = Double.NaN;
    private double z;
    private double esConfidence = Double.NaN;
    private double esMultiplier;

    public LimitMeasures(ExposureBook book) {
        this.b = book;
    }

    /** Measures the book as it is. */
    public LimitMeasures current() {
        k = -1;
        delta = 0;
        gross = b.gross;
        net = b.net;
        maxAbs = b.absTop1;
        variance = b.variance;
        uRu = b.uRu;
        sumU = b.sumU;
        sumU2 = b.sumU2;
        maxAdv = b.advTop1;
        advMissing = b.advMissing;
        unpriced = b.unpriced;
        uncovered = b.uncovered;
        return this;
    }

    /**
     * Measures the book as it would be after trading {@code dq} units (signed) of slot {@code slot}, valued at
     * the slot's last price, or at {@code referencePrice} when the slot has none.
     */
    public LimitMeasures whatIf(int slot, double dq, double referencePrice) {
        current();
        k = slot;
        double px = b.price[slot] > 0 ? b.price[slot] : referencePrice;
        double oldQty = b.qty[slot];
        double oldMv = b.mv(slot);
        newQty = oldQty + dq;
        newMv = newQty * px;
        delta = newMv - oldMv;
        double oldAbs = Math.abs(oldMv);
        double newAbs = Math.abs(newMv);
        gross += newAbs - oldAbs;
        net += delta;
        maxAbs = slot == b.absTop ? Math.max(b.absTop2, newAbs) : Math.max(b.absTop1, newAbs);
        boolean wasHeld = oldQty != 0;
        boolean isHeld = newQty != 0;
        int heldChange = (isHeld ? 1 : 0) - (wasHeld ? 1 : 0);
        if (wasHeld && !(b.price[slot] > 0)) {
            unpriced--;
        }
        if (isHeld && !(px > 0)) {
            unpriced++;
        }
        int rk = b.row[slot];
        if (rk < 0) {
            uncovered += heldChange;
        } else if (delta != 0) {
            variance += 2 * delta * b.s[rk] + delta * delta * b.model.covariance(rk, rk);
            double du = newAbs - oldAbs;
            uRu += 2 * du * b.r[rk] + du * du;
            sumU += du;
            sumU2 += newAbs * newAbs - oldAbs * oldAbs;
        }
        double a = b.adv[slot];
        if (Double.isNaN(a)) {
            advMissing += heldChange;
        } else {
            double ratio = Math.abs(newQty) / a;
            maxAdv = slot == b.advTop ? Math.max(b.advTop2, ratio) : Math.max(b.advTop1, ratio);
        }
        return this;
    }

    /**
     * A symbol held in this state (after the order, for {@link #whatIf}) that the covariance model does not cover,
     * the order's own first; {@code null} when the model covers them all. Names the symbol a VaR, ES, volatility or
     * correlation limit waits for. O(positions).
     */
    public String uncoveredSymbol() {
        if (k >= 0 && newQty != 0 && b.row[k] < 0) {
            return b.symbol[k];
        }
        for (int i = 0; i < b.heldCount; i++) {
            int j = b.held[i];
            if (b.row[j] < 0 && !(j == k && newQty == 0)) {
                return b.symbol[j];
            }
        }
        return null;
    }

    /** The value of a limit's measure in this state, NaN when it cannot be measured. */
    public double value(LimitDefinition l) {
        return switch (l.scope()) {
            case GLOBAL, PORTFOLIO -> portfolio(l);
            case SYMBOL -> symbol(l);
            case SECTOR -> sector(l);
        };
    }

    private double portfolio(LimitDefinition l) {
        return switch (l.type()) {
            case POSITION_SIZE -> priced(maxAbs);
            case PORTFOLIO_VALUE, GROSS_EXPOSURE -> priced(gross);
            case NET_EXPOSURE -> priced(Math.abs(net));
            case DAILY_LOSS -> priced(-(b.pnlSum - b.baseSum));
            case CONCENTRATION -> priced(gross > 0 ? maxAbs / gross : 0.0);
            case LEVERAGE -> priced(perEquity(gross));
            case VAR_LIMIT -> covered(z(l.confidence()) * Math.sqrt(Math.max(0, variance) * l.horizonDays()));
            case EXPECTED_SHORTFALL -> covered(es(l.confidence()) * Math.sqrt(Math.max(0, variance) * l.horizonDays()));
            case DRAWDOWN -> drawdown();
            case VOLATILITY -> covered(perEquity(Math.sqrt(Math.max(0, variance) * b.settings.annualizationDays())));
            case CORRELATION -> covered(averageCorrelation());
            case SECTOR_EXPOSURE -> largestBucket(Dimension.SECTOR);
            case COUNTRY_EXPOSURE -> bucketWeight(Dimension.COUNTRY, l.bucket());
            case CURRENCY_EXPOSURE -> bucketWeight(Dimension.CURRENCY, l.bucket());
            case ADV_LIMIT -> advMissing > 0 ? Double.NaN : maxAdv;
            case LIQUIDITY -> advMissing > 0 ? Double.NaN : maxAdv / b.settings.participationRate();
        };
    }

    private double symbol(LimitDefinition l) {
        int j = b.find(l.symbol());
        double q = j < 0 ? 0 : j == k ? newQty : b.qty[j];
        if (q == 0) {
            return l.type() == LimitType.CORRELATION ? Double.NaN
                    : l.type() == LimitType.DAILY_LOSS && j >= 0 ? -(b.pnl(j) - b.base[j]) : 0.0;
        }
        double m = j == k ? newMv : b.mv(j);
        if (j != k && !(b.price[j] > 0)) {
            return Double.NaN;
        }
        int rj = b.row[j];
        double sigma = rj < 0 ? Double.NaN : Math.abs(m) * b.model.volatility(rj);
        return switch (l.type()) {
            case POSITION_SIZE, GROSS_EXPOSURE, NET_EXPOSURE -> Math.abs(m);
            case DAILY_LOSS -> -(b.pnl(j) - b.base[j]);
            case CONCENTRATION -> gross > 0 ? Math.abs(m) / gross : 0.0;
            case VAR_LIMIT -> z(l.confidence()) * sigma * Math.sqrt(l.horizonDays());
            case EXPECTED_SHORTFALL -> es(l.confidence()) * sigma * Math.sqrt(l.horizonDays());
            case VOLATILITY -> perEquity(sigma * Math.sqrt(b.settings.annualizationDays()));
            case CORRELATION -> correlationWithPortfolio(rj);
            case ADV_LIMIT -> Math.abs(q) / b.adv[j];
            case LIQUIDITY -> Math.abs(q) / b.adv[j] / b.settings.participationRate();
            default -> throw new IllegalStateException(l.type() + " has no symbol scope");
        };
    }

    private double sector(LimitDefinition l) {
        int id = b.buckets[Dimension.SECTOR.ordinal()].find(l.sector());
        int n = id < 0 ? 0 : collect(id);
        double sGross = 0;
        double sNet = 0;
        double sMax = 0;
        double sLoss = 0;
        double sAdv = 0;
        boolean missingPrice = false;
        boolean missingAdv = false;
        for (int i = 0; i < n; i++) {
            int j = members[i];
            double q = j == k ? newQty : b.qty[j];
            double m = j == k ? newMv : b.mv(j);
            missingPrice |= j != k && q != 0 && !(b.price[j] > 0);
            sGross += Math.abs(m);
            sNet += m;
            sMax = Math.max(sMax, Math.abs(m));
            sLoss -= b.pnl(j) - b.base[j];
            if (q != 0) {
                double ratio = Math.abs(q) / b.adv[j];
                missingAdv |= Double.isNaN(ratio);
                sAdv = Math.max(sAdv, Double.isNaN(ratio) ? 0 : ratio);
            }
        }
        if (missingPrice && l.type() != LimitType.ADV_LIMIT && l.type() != LimitType.LIQUIDITY) {
            return Double.NaN;
        }
        return switch (l.type()) {
            case POSITION_SIZE -> sMax;
            case DAILY_LOSS -> sLoss;
            case CONCENTRATION -> gross > 0 ? sMax / gross : 0.0;
            case LEVERAGE -> perEquity(sGross);
            case GROSS_EXPOSURE -> sGross;
            case NET_EXPOSURE -> Math.abs(sNet);
            case VAR_LIMIT -> z(l.confidence()) * Math.sqrt(sectorVariance(n) * l.horizonDays());
            case EXPECTED_SHORTFALL -> es(l.confidence()) * Math.sqrt(sectorVariance(n) * l.horizonDays());
            case VOLATILITY -> perEquity(Math.sqrt(sectorVariance(n) * b.settings.annualizationDays()));
            case SECTOR_EXPOSURE -> gross > 0 ? sGross / gross : 0.0;
            case ADV_LIMIT -> missingAdv ? Double.NaN : sAdv;
            case LIQUIDITY -> missingAdv ? Double.NaN : sAdv / b.settings.participationRate();
            default -> throw new IllegalStateException(l.type() + " has no sector scope");
        };
    }

    /** Collects the held slots of a sector (and the order's slot if it is in it) into {@link #members}. */
    private int collect(int sectorId) {
        int[] bucketOf = b.bucket[Dimension.SECTOR.ordinal()];
        int n = 0;
        for (int i = 0; i < b.heldCount; i++) {
            int j = b.held[i];
            if (bucketOf[j] == sectorId) {
                n = add(n, j);
            }
        }
        if (k >= 0 && b.qty[k] == 0 && bucketOf[k] == sectorId) {
            n = add(n, k);
        }
        return n;
    }

    private int add(int n, int j) {
        if (n == members.length) {
            members = java.util.Arrays.copyOf(members, n * 2);
        }
        members[n] = j;
        return n + 1;
    }

    private double sectorVariance(int n) {
        double v = 0;
        for (int a = 0; a < n; a++) {
            int i = members[a];
            int ri = b.row[i];
            double mi = i == k ? newMv : b.mv(i);
            if (ri < 0) {
                if (mi != 0) {
                    return Double.NaN;
                }
                continue;
            }
            double[] cov = b.model.covarianceRow(ri);
            for (int c = 0; c < n; c++) {
                int j = members[c];
                int rj = b.row[j];
                if (rj >= 0) {
                    v += mi * cov[rj] * (j == k ? newMv : b.mv(j));
                }
            }
        }
        return Math.max(0, v);
    }

    /** Correlation of a row's returns with the portfolio P&amp;L: (S m)_j / (sigma_j sigma_P). */
    private double correlationWithPortfolio(int rj) {
        if (rj < 0 || uncovered > 0 || (k >= 0 && b.row[k] < 0 && delta != 0)) {
            return Double.NaN;
        }
        double sj = b.s[rj] + (k >= 0 && b.row[k] >= 0 ? delta * b.model.covariance(rj, b.row[k]) : 0.0);
        double denominator = b.model.volatility(rj) * Math.sqrt(Math.max(0, variance));
        return denominator > 0 ? sj / denominator : Double.NaN;
    }

    /** Average pairwise correlation weighted by |mv_i||mv_j|: (u'Cu - sum u^2) / ((sum u)^2 - sum u^2). */
    private double averageCorrelation() {
        double pairs = sumU * sumU - sumU2;
        return pairs > 1e-12 * sumU * sumU ? (uRu - sumU2) / pairs : Double.NaN;
    }

    private double largestBucket(Dimension d) {
        if (unpriced > 0) {
            return Double.NaN;
        }
        Buckets bk = b.buckets[d.ordinal()];
        double largest = k < 0 ? bk.top1Gross : bk.largestAfter(b.bucket[d.ordinal()][k], bucketDelta());
        return gross > 0 ? largest / gross : 0.0;
    }

    private double bucketWeight(Dimension d, String name) {
        if (name == null) {
            return largestBucket(d);
        }
        if (unpriced > 0) {
            return Double.NaN;
        }
        Buckets bk = b.buckets[d.ordinal()];
        int id = bk.find(name);
        if (id < 0) {
            return 0.0;
        }
        double g = bk.gross[id] + (k >= 0 && b.bucket[d.ordinal()][k] == id ? bucketDelta() : 0.0);
        return gross > 0 ? g / gross : 0.0;
    }

    private double bucketDelta() {
        return k < 0 ? 0.0 : Math.abs(newMv) - Math.abs(b.mv(k));
    }

    private double drawdown() {
        double e = b.equity();
        double peak = b.peakEquity;
        return peak > 0 && !Double.isNaN(e) ? (peak - e) / peak : Double.NaN;
    }

    private double perEquity(double amount) {
        double e = b.equity();
        return e > 0 ? amount / e : Double.NaN;
    }

    private double priced(double value) {
        return unpriced > 0 ? Double.NaN : value;
    }

    private double covered(double value) {
        return unpriced > 0 || uncovered > 0 ? Double.NaN : value;
    }

    private double z(double confidence) {
        if (confidence != zConfidence) {
            zConfidence = confidence;
            z = NormalDistribution.standardInverseCdf(confidence);
        }
        return z;
    }

    private double es(double confidence) {
        if (confidence != esConfidence) {
            esConfidence = confidence;
            esMultiplier = ParametricVar.esMultiplier(confidence);
        }
        return esMultiplier;
    }
}
