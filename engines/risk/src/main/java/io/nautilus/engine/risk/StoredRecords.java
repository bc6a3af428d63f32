package io.nautilus.engine.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nautilus.core.model.WireNames;
import io.nautilus.engine.risk.control.OrderControls;
import io.nautilus.engine.risk.control.TradingState;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.LimitScope;
import io.nautilus.engine.risk.limit.LimitType;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.util.Set;

/**
 * The JSON the risk store keeps in {@code risk_limits.definition}, {@code risk_settings.value} and the audit's
 * old/new values: the database format, owned by the store and independent of the HTTP bodies (which may change
 * without touching stored rows). Snake-case names, as written by every earlier build; unknown fields are ignored on
 * read so that a newer build's rows still load. Reading validates through the domain constructors: a row that
 * fails throws {@link IllegalArgumentException} (the store skips and reports it). Immutable and thread-safe.
 */
final class StoredRecords {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private StoredRecords() {
    }

    /** A limit definition as stored. */
    record Limit(String limitId, String limitType, Double limitValue, Double thresholdWarning, Double thresholdBreach,
                 Boolean enabled, String scope, String portfolioId, String symbol, String sector, String bucket,
                 Double confidence, Integer horizonDays) {

        static Limit of(LimitDefinition d) {
            return new Limit(d.limitId(), d.type().wireName(), d.limitValue(), d.warningThreshold(),
                    d.breachThreshold(), d.enabled(), d.scope().wireName(), d.portfolioId(), d.symbol(), d.sector(),
                    d.bucket(), d.confidence(), d.horizonDays());
        }

        LimitDefinition toDefinition() {
            if (limitId == null || limitType == null || limitValue == null) {
                throw new IllegalArgumentException("stored limit lacks limit_id, limit_type or limit_value");
            }
            return new LimitDefinition(limitId, WireNames.parse(LimitType.class, "limit_type", limitType), limitValue,
                    thresholdWarning == null ? LimitDefinition.DEFAULT_WARNING : thresholdWarning,
                    thresholdBreach == null ? LimitDefinition.DEFAULT_BREACH : thresholdBreach,
                    enabled == null || enabled, scope == null || scope.isBlank()
                            ? LimitScope.implied(portfolioId, symbol, sector)
                            : WireNames.parse(LimitScope.class, "scope", scope),
                    portfolioId, symbol, sector, bucket,
                    confidence == null ? LimitDefinition.DEFAULT_CONFIDENCE : confidence,
                    horizonDays == null ? 1 : horizonDays);
        }
    }

    /** Order controls as stored: an absent (null) control is off. */
    record Controls(Double maxQuantity, Double maxNotional, Double priceCollar, Set<String> restrictedSymbols,
                    Integer maxOrdersPerSecondPortfolio, Integer maxOrdersPerSecondStrategy) {

        static Controls of(OrderControls c) {
            return new Controls(OrderControls.optional(c.maxQuantity()), OrderControls.optional(c.maxNotional()),
                    OrderControls.optional(c.priceCollar()), c.restrictedSymbols(), c.maxOrdersPerSecondPortfolio(),
                    c.maxOrdersPerSecondStrategy());
        }

        OrderControls toControls() {
            return OrderControls.ofOptional(maxQuantity, maxNotional, priceCollar, restrictedSymbols,
                    maxOrdersPerSecondPortfolio, maxOrdersPerSecondStrategy);
        }
    }

    /** A trading state as stored, with the reason given when it was set. */
    record State(String state, String reason) {
        TradingState toState() {
            return WireNames.parse(TradingState.class, "state", state);
        }
    }

    /** A posted capital as stored. */
    record Capital(Double capital) {
        double toAmount() {
            if (capital == null || !(capital > 0) || capital.isInfinite()) {
                throw new IllegalArgumentException("capital must be a finite number > 0, got " + capital);
            }
            return capital;
        }
    }

    /** Reference data of a symbol in the audit (an absent ADV is null). */
    record Reference(String sector, String country, String currency, Double adv) {
        static Reference of(SymbolInfo i) {
            return new Reference(i.sector(), i.country(), i.currency(), Double.isNaN(i.adv()) ? null : i.adv());
        }
    }

    static String write(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName(), e);
        }
    }

    /** Reads a stored row; an unreadable one throws {@link IllegalArgumentException} naming the type. */
    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable stored " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
