package io.nautilus.core.model;

/**
 * The bus topics of the domain, one place for every engine. Payload types in brackets.
 * <ul>
 *   <li>{@code md.quote.<SYM>} [{@link Quote}], {@code md.trade.<SYM>} [{@link Trade}],
 *       {@code md.bar.<interval>.<SYM>} [{@link Bar}], {@code md.alert.<SYM>} [{@link MarketDataAlert}]</li>
 *   <li>{@code md.history.bars}: request [{@link BarHistoryRequest}] / reply [{@link BarHistory}]</li>
 *   <li>{@code feature.<SYM>} [{@link FeatureVector}], {@code ml.<kind>.<SYM>} [{@link Prediction}],
 *       {@code signal.<strategy>} [{@link Signal}]</li>
 *   <li>{@code order.intent} [{@link OrderIntent}], {@code order.approved} / {@code order.rejected}
 *       [{@link RiskDecision}]</li>
 *   <li>{@code fill.<portfolio>} [{@link Fill}], {@code position.<portfolio>} [{@link PositionUpdate}]</li>
 *   <li>{@code portfolio.state.<portfolio>} [{@link PortfolioState}]; {@code portfolio.snapshot}: request
 *       [{@link PortfolioStateRequest}] / reply [{@link PortfolioStates}]</li>
 *   <li>{@code risk.breach.<portfolio>} [{@link RiskBreach}] (CRITICAL priority), {@code pnl.<portfolio>}
 *       [{@link PnlUpdate}]</li>
 * </ul>
 */
public final class Topics {
    public static final String ORDER_INTENT = "order.intent";
    public static final String ORDER_APPROVED = "order.approved";
    public static final String ORDER_REJECTED = "order.rejected";

    private Topics() {
    }

    public static String quote(String symbol) {
        return "md.quote." + symbol;
    }

    public static String trade(String symbol) {
        return "md.trade." + symbol;
    }

    public static String bar(String interval, String symbol) {
        return "md.bar." + interval + "." + symbol;
    }

    public static String alert(String symbol) {
        return "md.alert." + symbol;
    }

    public static String feature(String symbol) {
        return "feature." + symbol;
    }

    public static String fill(String portfolio) {
        return "fill." + portfolio;
    }

    public static String position(String portfolio) {
        return "position." + portfolio;
    }

    public static String portfolioState(String portfolio) {
        return "portfolio.state." + portfolio;
    }

    public static String breach(String portfolio) {
        return "risk.breach." + portfolio;
    }

    public static String pnl(String portfolio) {
        return "pnl." + portfolio;
    }
}
