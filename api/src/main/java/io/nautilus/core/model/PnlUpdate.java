package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.finite;
import static io.nautilus.core.model.Checks.nonNegative;
import static io.nautilus.core.model.Checks.notBlank;
import static io.nautilus.core.model.Checks.timestamp;

/**
 * Portfolio P&amp;L snapshot. Published on {@code pnl.<portfolio>}. All amounts in currency.
 * Immutable and thread-safe.
 *
 * @param portfolioId portfolio
 * @param realized    realized P&amp;L (before fees)
 * @param unrealized  unrealized P&amp;L at the last marks
 * @param fees        fees paid, &gt;= 0
 * @param equity      cash plus market value of positions
 * @param tsNanos     snapshot time, epoch nanoseconds
 */
public record PnlUpdate(String portfolioId, double realized, double unrealized, double fees, double equity,
                        long tsNanos) {
    public PnlUpdate {
        notBlank("portfolio_id", portfolioId);
        finite("realized", realized);
        finite("unrealized", unrealized);
        nonNegative("fees", fees);
        finite("equity", equity);
        timestamp("ts_nanos", tsNanos);
    }

    /** Net P&amp;L: realized + unrealized - fees. */
    public double net() {
        return realized + unrealized - fees;
    }
}
