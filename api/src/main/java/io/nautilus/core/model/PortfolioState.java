package io.nautilus.core.model;

import static io.nautilus.core.model.Checks.finite;
import static io.nautilus.core.model.Checks.id;
import static io.nautilus.core.model.Checks.nonNegative;
import static io.nautilus.core.model.Checks.positive;
import static io.nautilus.core.model.Checks.timestamp;

import java.util.List;

/**
 * A portfolio's whole book as the Portfolio engine holds it: its own capital, cash, fees and every position it
 * has held (open ones, and closed ones with their realized P&amp;L). It is the one source of a portfolio's equity
 * for every engine: equity = {@code cash} + the market value of {@code positions} at the reader's marks, so Risk,
 * Analytics and Portfolio agree for a portfolio of any size (none assumes a platform-wide initial capital).
 *
 * <p>Published by the Portfolio engine on {@code portfolio.state.<portfolio>} ({@link Topics#portfolioState}) when
 * a portfolio is created, after every ring batch that changed its book (fills, added positions), and for every
 * portfolio once the engine is ready (after a restart); it is also the content of the reply to a
 * {@link PortfolioStateRequest}. Published at NORMAL priority on the same lane as {@code order.intent}, so a new
 * portfolio's state reaches a subscriber before its first order. Immutable and thread-safe.
 *
 * @param portfolioId  portfolio id (see {@link Checks#id})
 * @param initialValue the portfolio's capital at creation, currency, &gt; 0
 * @param cash         cash now, currency (may be negative: a leveraged book)
 * @param fees         fees paid to date, currency, &gt;= 0
 * @param positions    one entry per symbol ever held; {@code quantity} 0 when closed; {@code lastPrice} is the
 *                     Portfolio engine's last mark (0 when it has none)
 * @param tsNanos      time of the state, epoch nanoseconds
 */
public record PortfolioState(String portfolioId, double initialValue, double cash, double fees,
                             List<PositionUpdate> positions, long tsNanos) {
    public PortfolioState {
        id("portfolio_id", portfolioId);
        positive("initial_value", initialValue);
        finite("cash", cash);
        nonNegative("fees", fees);
        positions = List.copyOf(positions);
        for (PositionUpdate p : positions) {
            if (!p.portfolioId().equals(portfolioId)) {
                throw new IllegalArgumentException("positions[].portfolio_id must be " + portfolioId + ", got "
                        + Checks.shorten(p.portfolioId()));
            }
        }
        timestamp("ts_nanos", tsNanos);
    }

    /** Signed market value of the positions at the Portfolio engine's own marks. */
    public double positionsValue() {
        double v = 0;
        for (PositionUpdate p : positions) {
            v += p.marketValue();
        }
        return v;
    }

    /** Equity at the Portfolio engine's own marks: cash plus {@link #positionsValue()}. */
    public double equity() {
        return cash + positionsValue();
    }

    /** Realized P&amp;L of all positions (before fees). */
    public double realizedPnl() {
        double r = 0;
        for (PositionUpdate p : positions) {
            r += p.realizedPnl();
        }
        return r;
    }
}
