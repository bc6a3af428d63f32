package io.nautilus.engine.risk.limit;

/**
 * A configured limit. Every limit is an upper bound on the value its {@link LimitType} measures over the positions
 * of its {@link LimitScope}; it warns at {@code warningThreshold x limitValue} and is breached at
 * {@code breachThreshold x limitValue} (thresholds are fractions of the limit: 0.8 = 80%). Immutable and
 * thread-safe; the constructor rejects inconsistent definitions with a message naming the field.
 *
 * @param limitId          unique id, 1-64 characters of letters, digits, {@code - _ . :}
 * @param type             what is measured
 * @param limitValue       the limit, &gt; 0, in the type's unit (correlation: at most 1)
 * @param warningThreshold fraction of the limit where warnings start, in (0, breachThreshold]
 * @param breachThreshold  fraction of the limit where the limit is breached, in (0, 10]
 * @param enabled          disabled limits are kept but never evaluated
 * @param scope            which positions
 * @param portfolioId      the portfolio (required for PORTFOLIO scope; optional for SYMBOL and SECTOR, where
 *                         {@code null} means every portfolio; {@code null} for GLOBAL)
 * @param symbol           the symbol, for SYMBOL scope only
 * @param sector           the sector, for SECTOR scope only
 * @param bucket           the country or currency of a country/currency exposure limit, or {@code null} for the
 *                         largest one
 * @param confidence       VaR/ES confidence in (0.5, 1) (used by var_limit and expected_shortfall)
 * @param horizonDays      VaR/ES horizon in days, in [1, 250], square-root-of-time scaling
 */
public record LimitDefinition(String limitId, LimitType type, double limitValue, double warningThreshold,
                              double breachThreshold, boolean enabled, LimitScope scope, String portfolioId,
                              String symbol, String sector, String bucket, double confidence, int horizonDays) {
    public static final double DEFAULT_WARNING = 0.8;
    public static final double DEFAULT_BREACH = 1.0;
    public static final double DEFAULT_CONFIDENCE = 0.99;

    public LimitDefinition {
        if (limitId == null || !limitId.matches("[A-Za-z0-9_.:\\-]{1,64}")) {
            throw new IllegalArgumentException("limit_id must be 1-64 characters of letters, digits and - _ . :, got '"
                    + io.nautilus.core.model.Checks.shorten(limitId) + "'");
        }
        if (type == null) {
            throw new IllegalArgumentException("limit_type is required");
        }
        if (!(Double.isFinite(limitValue) && limitValue > 0)) {
            throw new IllegalArgumentException("limit_value must be a finite number > 0, got " + limitValue);
        }
        if (type == LimitType.CORRELATION && limitValue > 1) {
            throw new IllegalArgumentException("limit_value of a correlation limit must be in (0, 1], got " + limitValue);
        }
        if (!(Double.isFinite(breachThreshold) && breachThreshold > 0 && breachThreshold <= 10)) {
            throw new IllegalArgumentException("threshold_breach must be in (0, 10], got " + breachThreshold);
        }
        if (!(Double.isFinite(warningThreshold) && warningThreshold > 0 && warningThreshold <= breachThreshold)) {
            throw new IllegalArgumentException("threshold_warning must be in (0, threshold_breach = " + breachThreshold
                    + "], got " + warningThreshold);
        }
        if (scope == null) {
            throw new IllegalArgumentException("scope is required");
        }
        if (!type.scopes().contains(scope)) {
            throw new IllegalArgumentException("scope " + scope.wireName() + " is not available for " + type.wireName()
                    + "; allowed: " + type.scopes().stream().map(LimitScope::wireName).toList());
        }
        portfolioId = blankToNull(portfolioId);
        symbol = blankToNull(symbol);
        sector = blankToNull(sector);
        bucket = blankToNull(bucket);
        if (portfolioId != null) {
            io.nautilus.core.model.Checks.id("portfolio_id", portfolioId);
        }
        if (sector != null) {
            sector = io.nautilus.core.model.Checks.name("sector", sector);
        }
        if (bucket != null) {
            bucket = io.nautilus.core.model.Checks.name("bucket", bucket);
        }
        switch (scope) {
            case GLOBAL -> requireAbsent("portfolio_id", portfolioId, scope);
            case PORTFOLIO -> {
                if (portfolioId == null) {
                    throw new IllegalArgumentException("portfolio_id is required for scope portfolio");
                }
            }
            case SYMBOL -> {
                if (symbol == null) {
                    throw new IllegalArgumentException("symbol is required for scope symbol");
                }
                io.nautilus.core.model.Checks.validSymbol("symbol", symbol);
            }
            case SECTOR -> {
                if (sector == null) {
                    throw new IllegalArgumentException("sector is required for scope sector");
                }
            }
        }
        if (scope != LimitScope.SYMBOL) {
            requireAbsent("symbol", symbol, scope);
        }
        if (scope != LimitScope.SECTOR) {
            requireAbsent("sector", sector, scope);
        }
        if (bucket != null && type != LimitType.COUNTRY_EXPOSURE && type != LimitType.CURRENCY_EXPOSURE) {
            throw new IllegalArgumentException("bucket is only for country_exposure and currency_exposure limits");
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
        }
        if (horizonDays < 1 || horizonDays > 250) {
            throw new IllegalArgumentException("horizon_days must be in [1, 250], got " + horizonDays);
        }
    }

    /** A limit with default thresholds (0.8, 1.0), enabled, 99% one-day VaR settings. */
    public static LimitDefinition of(String limitId, LimitType type, double limitValue, LimitScope scope,
                                     String portfolioId, String symbol, String sector) {
        return new LimitDefinition(limitId, type, limitValue, DEFAULT_WARNING, DEFAULT_BREACH, true, scope,
                portfolioId, symbol, sector, null, DEFAULT_CONFIDENCE, 1);
    }

    /** True if this limit is evaluated for {@code portfolio}. */
    public boolean appliesTo(String portfolio) {
        return portfolioId == null || portfolioId.equals(portfolio);
    }

    /** The same limit enabled or disabled. */
    public LimitDefinition withEnabled(boolean on) {
        return new LimitDefinition(limitId, type, limitValue, warningThreshold, breachThreshold, on, scope,
                portfolioId, symbol, sector, bucket, confidence, horizonDays);
    }

    /** The same limit with other thresholds. */
    public LimitDefinition withThresholds(double warning, double breach) {
        return new LimitDefinition(limitId, type, limitValue, warning, breach, enabled, scope, portfolioId, symbol,
                sector, bucket, confidence, horizonDays);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void requireAbsent(String field, String value, LimitScope scope) {
        if (value != null) {
            throw new IllegalArgumentException(field + " must not be set for scope " + scope.wireName());
        }
    }
}
