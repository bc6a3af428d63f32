package io.nautilus.engine.portfolio;

import java.util.List;

/** Immutable snapshots of ring-thread state handed to HTTP threads (JSON in snake_case). */
final class Views {
    private Views() {
    }

    /** One position marked to market. Weight is market value / portfolio total value. */
    record PositionView(String symbol, double quantity, double averageCost, double lastPrice, double marketValue,
                        double unrealizedPnl, double realizedPnl, double weight, int lots) {
    }

    /** One portfolio marked to market. */
    record PortfolioView(String portfolioId, String portfolioName, double initialValue, String optimizationMethod,
                         String rebalanceFrequency, List<String> symbols, long createdNanos, double cashBalance,
                         double positionsValue, double totalValue, double realizedPnl, double unrealizedPnl,
                         double fees, double totalReturnPct, int openOrders, List<PositionView> positions) {
    }

    /** One order. */
    record OrderView(String orderId, String portfolioId, String strategyId, String symbol, String side,
                     double quantity, String orderType, Double limitPrice, String status, double filledQuantity,
                     double averageFillPrice, List<String> reasons, long createdNanos, long updatedNanos) {
    }
}
