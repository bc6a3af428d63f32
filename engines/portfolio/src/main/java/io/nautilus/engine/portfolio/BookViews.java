package io.nautilus.engine.portfolio;

import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.PortfolioState;
import io.nautilus.core.model.PositionUpdate;
import io.nautilus.engine.portfolio.execution.MarketPrices;
import io.nautilus.engine.portfolio.execution.Order;
import io.nautilus.engine.portfolio.position.Book;
import io.nautilus.engine.portfolio.position.Position;

import java.util.ArrayList;

/**
 * Read-only pictures of the desk's books at its marks: the HTTP views and the {@link PortfolioState} other engines
 * receive. Ring-confined like the desk (it reads the desk's live {@link MarketPrices}); what it returns is immutable.
 */
final class BookViews {
    private final MarketPrices prices;

    BookViews(MarketPrices prices) {
        this.prices = prices;
    }

    /**
     * The book as a {@link PortfolioState}: every symbol ever held (closed ones with quantity 0 and their realized
     * P&amp;L), the last price being this desk's mark, 0 when it has none.
     */
    PortfolioState state(PortfolioInfo info, Book b, long now) {
        String id = info.portfolioId();
        var positions = new ArrayList<PositionUpdate>(b.positions().size());
        for (Position p : b.positions()) {
            double mark = prices.mark(p.symbol());
            positions.add(new PositionUpdate(id, p.symbol(), p.quantity(), p.averageCost(), p.realizedPnl(),
                    mark > 0 ? mark : 0.0, now));
        }
        return new PortfolioState(id, info.initialValue(), b.cash(), b.fees(), positions, now);
    }

    /** The portfolio as {@code GET /portfolios/{id}} shows it; positions valued at the mark, else at cost. */
    Views.PortfolioView view(PortfolioInfo i, Book b, int openOrders) {
        double positionsValue = 0;
        double unrealized = 0;
        for (Position p : b.positions()) {
            double mark = markOrCost(p);
            positionsValue += p.quantity() * mark;
            unrealized += p.unrealizedPnl(mark);
        }
        double total = b.cash() + positionsValue;
        var positions = new ArrayList<Views.PositionView>();
        for (Position p : b.positions()) {
            if (p.quantity() == 0) {
                continue;
            }
            double mark = markOrCost(p);
            double value = p.quantity() * mark;
            positions.add(new Views.PositionView(p.symbol(), p.quantity(), p.averageCost(), mark, value,
                    p.unrealizedPnl(mark), p.realizedPnl(), total != 0 ? value / total : 0, p.lots().size()));
        }
        return new Views.PortfolioView(i.portfolioId(), i.portfolioName(), i.initialValue(), i.optimizationMethod(),
                i.rebalanceFrequency(), i.symbols(), i.createdNanos(), b.cash(), positionsValue, total, b.realizedPnl(),
                unrealized, b.fees(), (total / i.initialValue() - 1) * 100, openOrders, positions);
    }

    /** Mark price, or the average cost when no price was seen (so a position is never valued at 0). */
    private double markOrCost(Position p) {
        double m = prices.mark(p.symbol());
        return m > 0 ? m : p.averageCost();
    }

    static Views.OrderView view(Order o) {
        OrderIntent i = o.intent();
        return new Views.OrderView(i.orderId(), i.portfolioId(), i.strategyId(), i.symbol(), i.side().name().toLowerCase(),
                i.quantity(), i.type().name().toLowerCase(), i.type() == OrderType.LIMIT ? i.limitPrice() : null,
                o.status().wireName(), o.filledQuantity(), o.averageFillPrice(), o.reasons(), i.tsNanos(), o.updatedNanos());
    }
}
