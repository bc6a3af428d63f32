package io.nautilus.engine.risk.limit;

import static io.nautilus.engine.risk.limit.LimitScope.GLOBAL;
import static io.nautilus.engine.risk.limit.LimitScope.PORTFOLIO;
import static io.nautilus.engine.risk.limit.LimitScope.SECTOR;
import static io.nautilus.engine.risk.limit.LimitScope.SYMBOL;

import io.nautilus.core.model.WireName;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The limit types and what each measures. Every limit is an upper bound: it is used up as the measured value
 * rises towards {@code limit_value}. "Positions in scope" are those of the limit's scope ({@link LimitScope});
 * {@code mv} is signed market value (quantity x last price) in currency; {@code gross} is the portfolio's
 * sum of |mv|. Exposure weights are fractions of gross (0.25 = 25%).
 */
public enum LimitType implements WireName {
    /** Largest |mv| of a position in scope, currency. */
    POSITION_SIZE("currency", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** Gross market value of the portfolio, sum |mv|, currency. */
    PORTFOLIO_VALUE("currency", GLOBAL, PORTFOLIO),
    /** Today's loss (positive) of the positions in scope: -(P&amp;L now - P&amp;L at the start of the UTC day), currency. */
    DAILY_LOSS("currency", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** Largest |mv| in scope / portfolio gross, fraction. */
    CONCENTRATION("fraction", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** Sum |mv| in scope / equity, ratio. */
    LEVERAGE("ratio", GLOBAL, PORTFOLIO, SECTOR),
    /** Sum |mv| in scope, currency. */
    GROSS_EXPOSURE("currency", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** |sum mv| in scope, currency. */
    NET_EXPOSURE("currency", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** Delta-normal VaR of the positions in scope at the limit's confidence and horizon, currency. */
    VAR_LIMIT("currency", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** Delta-normal expected shortfall of the positions in scope, currency. */
    EXPECTED_SHORTFALL("currency", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** (Peak equity - equity) / peak equity, fraction. */
    DRAWDOWN("fraction", GLOBAL, PORTFOLIO),
    /** Ex-ante annualized volatility of the positions in scope / equity, fraction. */
    VOLATILITY("fraction", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /**
     * Portfolio scope: average pairwise correlation of the holdings weighted by |mv_i||mv_j|; symbol scope:
     * correlation of the symbol's returns with the portfolio's P&amp;L.
     */
    CORRELATION("correlation", GLOBAL, PORTFOLIO, SYMBOL),
    /** Sector scope: that sector's sum |mv| / gross; portfolio scope: the largest sector's. */
    SECTOR_EXPOSURE("fraction", GLOBAL, PORTFOLIO, SECTOR),
    /** The limit's country (bucket) sum |mv| / gross, or the largest country's when no bucket is named. */
    COUNTRY_EXPOSURE("fraction", GLOBAL, PORTFOLIO),
    /** The limit's currency (bucket) sum |mv| / gross, or the largest currency's when no bucket is named. */
    CURRENCY_EXPOSURE("fraction", GLOBAL, PORTFOLIO),
    /** Largest |quantity| / average daily volume of a position in scope, fraction of ADV. */
    ADV_LIMIT("fraction", GLOBAL, PORTFOLIO, SYMBOL, SECTOR),
    /** Days to liquidate the slowest position in scope at the participation rate: |quantity| / (rate x ADV). */
    LIQUIDITY("days", GLOBAL, PORTFOLIO, SYMBOL, SECTOR);

    private final String unit;
    private final Set<LimitScope> scopes;

    LimitType(String unit, LimitScope first, LimitScope... rest) {
        this.unit = unit;
        this.scopes = EnumSet.of(first, rest);
    }

    /** The unit of the measured value and of {@code limit_value}. */
    public String unit() {
        return unit;
    }

    /** Scopes this type can be evaluated in. */
    public Set<LimitScope> scopes() {
        return scopes;
    }

    /**
     * True for the types measured on the covariance model (VaR, ES, volatility, correlation): they cannot be
     * measured while a held symbol has no daily history in the model.
     */
    public boolean needsModel() {
        return this == VAR_LIMIT || this == EXPECTED_SHORTFALL || this == VOLATILITY || this == CORRELATION;
    }

    /** {@code liquidity_limit} (the old documentation's name) is read as {@link #LIQUIDITY}. */
    @Override
    public List<String> aliases() {
        return this == LIQUIDITY ? List.of("liquidity_limit") : List.of();
    }
}
