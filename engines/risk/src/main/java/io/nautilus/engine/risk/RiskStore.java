package io.nautilus.engine.risk;

import io.nautilus.core.model.Checks;
import io.nautilus.core.model.Severity;
import io.nautilus.core.store.Migration;
import io.nautilus.core.store.Store;
import io.nautilus.engine.risk.limit.LimitDefinition;
import io.nautilus.engine.risk.limit.SymbolInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The risk engine's durable state: limits, their audit trail (every change: who, when, old, new; also for
 * controls, trading states, capital and reference data), breach history, reference data and settings. Each
 * change and its audit entry are written in one transaction. Thread-safe (the {@link Store} pools connections).
 */
final class RiskStore {
    static final String ENGINE = "risk";
    static final List<Migration> MIGRATIONS = List.of(Migration.of(1,
            "CREATE TABLE risk_limits (limit_id TEXT PRIMARY KEY, definition TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            "CREATE TABLE risk_audit (audit_id TEXT PRIMARY KEY, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL,"
                    + " action TEXT NOT NULL, actor TEXT NOT NULL, ts_nanos BIGINT NOT NULL, old_value TEXT,"
                    + " new_value TEXT)",
            "CREATE INDEX risk_audit_entity ON risk_audit (entity_type, entity_id, ts_nanos)",
            "CREATE TABLE risk_breaches (breach_id TEXT PRIMARY KEY, portfolio_id TEXT NOT NULL, limit_id TEXT NOT NULL,"
                    + " limit_type TEXT NOT NULL, severity TEXT NOT NULL, breach_value DOUBLE PRECISION NOT NULL,"
                    + " limit_value DOUBLE PRECISION NOT NULL, utilisation_pct DOUBLE PRECISION NOT NULL,"
                    + " breach_time BIGINT NOT NULL, resolved BOOLEAN NOT NULL, resolution_time BIGINT,"
                    + " action_taken TEXT, resolved_by TEXT)",
            "CREATE INDEX risk_breaches_portfolio ON risk_breaches (portfolio_id, breach_time)",
            "CREATE TABLE risk_reference (symbol TEXT PRIMARY KEY, sector TEXT, country TEXT, currency TEXT,"
                    + " adv DOUBLE PRECISION, updated_at BIGINT NOT NULL)",
            "CREATE TABLE risk_settings (setting_key TEXT PRIMARY KEY, setting_value TEXT NOT NULL,"
                    + " updated_at BIGINT NOT NULL)"),
            // what-if breaches (POST /risk/check with posted positions) are kept apart from the live ones
            Migration.of(2, "ALTER TABLE risk_breaches ADD COLUMN what_if BOOLEAN NOT NULL DEFAULT FALSE"));

    /** One audit entry; values are JSON text or {@code null}. */
    record AuditEntry(String auditId, String entityType, String entityId, String action, String actor, long tsNanos,
                      String oldValue, String newValue) {
    }

    /**
     * One breach as stored. {@code whatIf} marks a breach found by a what-if check (posted positions): recorded and
     * resolvable like a live one, but never fed to the live monitor nor published.
     */
    record BreachRecord(String breachId, String portfolioId, String limitId, String limitType, Severity severity,
                        double value, double limitValue, double utilisationPct, long breachTimeNanos, boolean resolved,
                        Long resolutionTimeNanos, String actionTaken, String resolvedBy, boolean whatIf) {

        /** This breach resolved at {@code nowNanos} with an action, by an actor. */
        BreachRecord resolvedAt(long nowNanos, String action, String actor) {
            return new BreachRecord(breachId, portfolioId, limitId, limitType, severity, value, limitValue,
                    utilisationPct, breachTimeNanos, true, nowNanos, action, actor, whatIf);
        }
    }

    private final Store store;

    RiskStore(Store store) {
        this.store = store;
    }

    void migrate() {
        store.migrate(ENGINE, MIGRATIONS);
    }

    // ---- limits

    /** The stored limits; a row that no longer reads or validates is {@linkplain #skip skipped and reported}. */
    List<LimitDefinition> loadLimits() {
        return store.inTransaction(c -> {
            var out = new ArrayList<LimitDefinition>();
            try (var ps = c.prepareStatement("SELECT limit_id, definition FROM risk_limits ORDER BY limit_id");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    try {
                        out.add(StoredRecords.read(rs.getString(2), StoredRecords.Limit.class).toDefinition());
                    } catch (RuntimeException e) {
                        skip("limit", id, e.getMessage());
                    }
                }
            }
            return out;
        });
    }

    /** A stored record that failed to read or validate at start, left out of the engine's state. */
    record Skipped(String kind, String id, String reason) {
    }

    private final java.util.List<Skipped> skipped = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Leaves a stored record out at start (logged, reported in /health): nothing a valid API call stored may stop
     * a start, and a record that fails today's validation is not trusted either.
     */
    void skip(String kind, String id, String reason) {
        skipped.add(new Skipped(kind, id, reason));
        org.slf4j.LoggerFactory.getLogger(RiskStore.class).warn(
                "event=risk_record_skipped kind={} id={} reason={}", kind, io.nautilus.core.model.Checks.shorten(id),
                reason);
    }

    /** The records skipped at start. */
    List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /** Upserts ({@code next != null}) or deletes ({@code next == null}) a limit, with its audit entry. */
    void writeLimit(String limitId, LimitDefinition previous, LimitDefinition next, String action, String actor,
                    long tsNanos) {
        String oldJson = previous == null ? null : StoredRecords.write(StoredRecords.Limit.of(previous));
        String newJson = next == null ? null : StoredRecords.write(StoredRecords.Limit.of(next));
        store.inTransaction(c -> {
            if (next == null) {
                try (var ps = c.prepareStatement("DELETE FROM risk_limits WHERE limit_id = ?")) {
                    ps.setString(1, limitId);
                    ps.executeUpdate();
                }
            } else {
                try (var ps = c.prepareStatement("INSERT INTO risk_limits (limit_id, definition, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (limit_id) DO UPDATE SET definition = EXCLUDED.definition,"
                        + " updated_at = EXCLUDED.updated_at")) {
                    ps.setString(1, limitId);
                    ps.setString(2, newJson);
                    ps.setLong(3, tsNanos);
                    ps.executeUpdate();
                }
            }
            audit(c, "limit", limitId, action, actor, tsNanos, oldJson, newJson);
            return null;
        });
    }

    // ---- settings (controls, trading states, capital) and reference data

    Map<String, String> loadSettings() {
        return store.inTransaction(c -> {
            var out = new LinkedHashMap<String, String>();
            try (var ps = c.prepareStatement("SELECT setting_key, setting_value FROM risk_settings ORDER BY setting_key");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Writes a setting {@code <entityType>:<entityId>} with its audit entry. */
    void writeSetting(String entityType, String entityId, String oldValue, String newValue, String actor, long tsNanos) {
        store.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO risk_settings (setting_key, setting_value, updated_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (setting_key) DO UPDATE SET setting_value = EXCLUDED.setting_value,"
                    + " updated_at = EXCLUDED.updated_at")) {
                ps.setString(1, entityType + ":" + entityId);
                ps.setString(2, newValue);
                ps.setLong(3, tsNanos);
                ps.executeUpdate();
            }
            audit(c, entityType, entityId, "set", actor, tsNanos, oldValue, newValue);
            return null;
        });
    }

    Map<String, SymbolInfo> loadReference() {
        return store.inTransaction(c -> {
            var out = new LinkedHashMap<String, SymbolInfo>();
            try (var ps = c.prepareStatement("SELECT symbol, sector, country, currency, adv FROM risk_reference");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String symbol = rs.getString(1);
                    // read adv first and ask wasNull at once: asked after the other columns it said whether the
                    // currency was null, so an absent adv came back as 0.0 and failed validation at start
                    double adv = rs.getDouble(5);
                    boolean absent = rs.wasNull();
                    try {
                        io.nautilus.core.model.Checks.validSymbol("symbol", symbol);
                        out.put(symbol, new SymbolInfo(rs.getString(2), rs.getString(3), rs.getString(4),
                                absent ? Double.NaN : adv));
                    } catch (RuntimeException e) {
                        skip("reference", symbol, e.getMessage());
                    }
                }
            }
            return out;
        });
    }

    void writeReference(Map<String, SymbolInfo> changes, Map<String, SymbolInfo> previous, String actor, long tsNanos) {
        store.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO risk_reference (symbol, sector, country, currency, adv, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (symbol) DO UPDATE SET sector = EXCLUDED.sector,"
                    + " country = EXCLUDED.country, currency = EXCLUDED.currency, adv = EXCLUDED.adv,"
                    + " updated_at = EXCLUDED.updated_at")) {
                for (var e : changes.entrySet()) {
                    SymbolInfo i = e.getValue();
                    ps.setString(1, e.getKey());
                    ps.setString(2, i.sector());
                    ps.setString(3, i.country());
                    ps.setString(4, i.currency());
                    if (Double.isNaN(i.adv())) {
                        ps.setNull(5, Types.DOUBLE);
                    } else {
                        ps.setDouble(5, i.adv());
                    }
                    ps.setLong(6, tsNanos);
                    ps.executeUpdate();
                    SymbolInfo old = previous.get(e.getKey());
                    audit(c, "reference", e.getKey(), "set", actor, tsNanos, old == null ? null
                            : StoredRecords.write(StoredRecords.Reference.of(old)),
                            StoredRecords.write(StoredRecords.Reference.of(i)));
                }
            }
            return null;
        });
    }

    List<AuditEntry> audit(String entityType, String entityId, int limit) {
        return store.inTransaction(c -> {
            String sql = "SELECT audit_id, entity_type, entity_id, action, actor, ts_nanos, old_value, new_value"
                    + " FROM risk_audit" + (entityType == null ? "" : " WHERE entity_type = ?"
                    + (entityId == null ? "" : " AND entity_id = ?")) + " ORDER BY ts_nanos DESC, audit_id LIMIT ?";
            try (var ps = c.prepareStatement(sql)) {
                int i = 1;
                if (entityType != null) {
                    ps.setString(i++, entityType);
                    if (entityId != null) {
                        ps.setString(i++, entityId);
                    }
                }
                ps.setInt(i, limit);
                var out = new ArrayList<AuditEntry>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    private static void audit(Connection c, String entityType, String entityId, String action, String actor,
                              long tsNanos, String oldValue, String newValue) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO risk_audit (audit_id, entity_type, entity_id, action, actor,"
                + " ts_nanos, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, entityType);
            ps.setString(3, entityId);
            ps.setString(4, action);
            ps.setString(5, actor);
            ps.setLong(6, tsNanos);
            ps.setString(7, oldValue);
            ps.setString(8, newValue);
            ps.executeUpdate();
        }
    }

    // ---- breaches

    // ---- what-if breaches: kept in memory by the ring thread, written here only at stop

    /**
     * Replaces every stored what-if breach with {@code records} in one transaction (at stop: the what-if breaches
     * live in memory while the engine runs, see {@link BreachLog}).
     */
    void replaceWhatIf(List<BreachRecord> records) {
        store.inTransaction(c -> {
            try (var st = c.prepareStatement("DELETE FROM risk_breaches WHERE what_if = ?")) {
                st.setBoolean(1, true);
                st.executeUpdate();
            }
            insertBreaches(c, records);
            return null;
        });
    }

    /** The latest resolved what-if breaches (at most {@code limit}), newest resolution first. */
    List<BreachRecord> loadResolvedWhatIf(int limit) {
        return queryBreaches("SELECT * FROM risk_breaches WHERE resolved = ? AND what_if = ?"
                + " ORDER BY resolution_time DESC, breach_id LIMIT ?", ps -> {
                    ps.setBoolean(1, true);
                    ps.setBoolean(2, true);
                    ps.setInt(3, limit);
                }, true);
    }

    /** Inserts or replaces breach rows, in order, in one transaction. */
    void saveBreaches(List<BreachRecord> breaches) {
        store.inTransaction(c -> {
            insertBreaches(c, breaches);
            return null;
        });
    }

    private static void insertBreaches(Connection c, List<BreachRecord> breaches) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO risk_breaches (breach_id, portfolio_id, limit_id, limit_type,"
                + " severity, breach_value, limit_value, utilisation_pct, breach_time, resolved, resolution_time,"
                + " action_taken, resolved_by, what_if) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (breach_id)"
                + " DO UPDATE SET severity = EXCLUDED.severity, breach_value = EXCLUDED.breach_value,"
                + " utilisation_pct = EXCLUDED.utilisation_pct, resolved = EXCLUDED.resolved,"
                + " resolution_time = EXCLUDED.resolution_time, action_taken = EXCLUDED.action_taken,"
                + " resolved_by = EXCLUDED.resolved_by")) {
            for (BreachRecord b : breaches) {
                ps.setString(1, b.breachId());
                ps.setString(2, b.portfolioId());
                ps.setString(3, b.limitId());
                ps.setString(4, b.limitType());
                ps.setString(5, b.severity().name());
                ps.setDouble(6, b.value());
                ps.setDouble(7, b.limitValue());
                ps.setDouble(8, b.utilisationPct());
                ps.setLong(9, b.breachTimeNanos());
                ps.setBoolean(10, b.resolved());
                if (b.resolutionTimeNanos() == null) {
                    ps.setNull(11, Types.BIGINT);
                } else {
                    ps.setLong(11, b.resolutionTimeNanos());
                }
                ps.setString(12, b.actionTaken());
                ps.setString(13, b.resolvedBy());
                ps.setBoolean(14, b.whatIf());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Breaches, newest first, optionally of one portfolio, only the open ones, and only the what-if
     * ({@code whatIf = true}) or live ({@code false}) ones; {@code whatIf = null} lists both.
     */
    List<BreachRecord> breaches(String portfolioId, boolean openOnly, Boolean whatIf, int limit) {
        String where = (portfolioId == null ? "" : " AND portfolio_id = ?") + (openOnly ? " AND resolved = ?" : "")
                + (whatIf == null ? "" : " AND what_if = ?");
        return queryBreaches("SELECT * FROM risk_breaches WHERE 1 = 1" + where
                + " ORDER BY breach_time DESC, breach_id LIMIT ?", ps -> {
            int i = 1;
            if (portfolioId != null) {
                ps.setString(i++, portfolioId);
            }
            if (openOnly) {
                ps.setBoolean(i++, false);
            }
            if (whatIf != null) {
                ps.setBoolean(i++, whatIf);
            }
            ps.setInt(i, limit);
        }, false);
    }

    /**
     * The open live ({@code whatIf = false}) or what-if breaches at start, newest first; a row that does not read
     * is {@linkplain #skip skipped and reported}.
     */
    List<BreachRecord> loadOpenBreaches(boolean whatIf) {
        return queryBreaches("SELECT * FROM risk_breaches WHERE resolved = ? AND what_if = ?"
                + " ORDER BY breach_time DESC, breach_id", ps -> {
                    ps.setBoolean(1, false);
                    ps.setBoolean(2, whatIf);
                }, true);
    }

    Optional<BreachRecord> breach(String breachId) {
        return queryBreaches("SELECT * FROM risk_breaches WHERE breach_id = ?", ps -> ps.setString(1, breachId), false)
                .stream().findFirst();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Severity severity(String name) {
        for (Severity v : Severity.values()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("severity must be one of " + java.util.Arrays.toString(Severity.values())
                + ", got '" + Checks.shorten(name) + "'");
    }

    /** Breaches; a row that does not read is left out (and {@linkplain #skip reported} when {@code reportBad}). */
    private List<BreachRecord> queryBreaches(String sql, Binder binder, boolean reportBad) {
        return store.inTransaction(c -> {
            try (var ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                var out = new ArrayList<BreachRecord>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long rt = rs.getLong("resolution_time");
                        Long resolution = rs.wasNull() ? null : rt;
                        String id = rs.getString("breach_id");
                        try {
                            out.add(new BreachRecord(Checks.notBlank("breach_id", id),
                                    Checks.notBlank("portfolio_id", rs.getString("portfolio_id")),
                                    Checks.notBlank("limit_id", rs.getString("limit_id")), rs.getString("limit_type"),
                                    severity(rs.getString("severity")), rs.getDouble("breach_value"),
                                    rs.getDouble("limit_value"), rs.getDouble("utilisation_pct"),
                                    rs.getLong("breach_time"), rs.getBoolean("resolved"), resolution,
                                    rs.getString("action_taken"), rs.getString("resolved_by"),
                                    rs.getBoolean("what_if")));
                        } catch (RuntimeException e) {
                            if (reportBad) {
                                skip("breach", id, e.getMessage());
                            }
                        }
                    }
                }
                return out;
            }
        });
    }
}
