package io.nautilus.engine.portfolio;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled rebalances that could not be planned (a target symbol without a market price, a portfolio worth
 * nothing, ...). Each skip is counted; the first skip of a portfolio for a reason is logged once (again only when
 * the reason changes or after the portfolio rebalanced); the portfolio's last reason stays in {@code /health} until
 * its next plan succeeds. Written on the ring thread only; {@code /health} reads the immutable picture the ring
 * publishes after each change ({@link #describe}), never the ring's map.
 */
final class RebalanceSkips {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceSkips.class);

    /** The current blocker of one portfolio's scheduled rebalance. */
    record Blocked(String reason, long skipped, long sinceNanos, long lastNanos) {
    }

    private final Map<String, Blocked> blocked = new HashMap<>();
    private long total;
    /** What {@code /health} shows: replaced (never changed) by the ring thread after each change. */
    private volatile Map<String, Object> published = picture(0, Map.of());

    /** A scheduled rebalance of the portfolio was skipped at {@code nowNanos} for {@code reason}. */
    void skipped(String portfolioId, String reason, long nowNanos) {
        total++;
        Blocked before = blocked.get(portfolioId);
        if (before != null && before.reason().equals(reason)) {
            blocked.put(portfolioId, new Blocked(reason, before.skipped() + 1, before.sinceNanos(), nowNanos));
            publish();
            return;
        }
        blocked.put(portfolioId, new Blocked(reason, 1, nowNanos, nowNanos));
        publish();
        LOG.warn("scheduled rebalance of portfolio {} skipped: {} (logged once per reason; see /health "
                + "rebalances_blocked)", portfolioId, reason);
    }

    /** The portfolio's scheduled rebalance could be planned again. */
    void planned(String portfolioId) {
        if (blocked.remove(portfolioId) != null) {
            publish();
            LOG.info("scheduled rebalance of portfolio {} can be planned again", portfolioId);
        }
    }

    private void publish() {
        published = picture(total, blocked);
    }

    private static Map<String, Object> picture(long total, Map<String, Blocked> blocked) {
        var byPortfolio = new TreeMap<String, Object>();
        blocked.forEach((id, b) -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("reason", b.reason());
            m.put("skipped", b.skipped());
            m.put("since_nanos", b.sinceNanos());
            m.put("last_nanos", b.lastNanos());
            byPortfolio.put(id, Collections.unmodifiableMap(m));
        });
        var details = new LinkedHashMap<String, Object>();
        details.put("rebalances_skipped", total);
        details.put("rebalances_blocked", Collections.unmodifiableMap(byPortfolio));
        return Collections.unmodifiableMap(details);
    }

    /** Health details (any thread): {@code rebalances_skipped} (since start) and {@code rebalances_blocked} per portfolio. */
    void describe(Map<String, Object> details) {
        details.putAll(published);
    }
}
