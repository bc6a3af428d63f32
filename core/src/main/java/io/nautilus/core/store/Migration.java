package io.nautilus.core.store;

import java.util.List;

/**
 * One schema step of an engine: a version (1, 2, ...) and the SQL statements that take the schema there. Write
 * SQL that both SQLite and PostgreSQL accept: {@code TEXT}, {@code BIGINT}, {@code DOUBLE PRECISION},
 * {@code BOOLEAN}, {@code INSERT ... ON CONFLICT (...) DO UPDATE}. Immutable and thread-safe.
 *
 * @param version    1-based, consecutive per engine
 * @param statements the DDL/DML statements, run in one transaction
 */
public record Migration(int version, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("migration " + version + " has no statements");
        }
    }

    /** A migration from statements. */
    public static Migration of(int version, String... statements) {
        return new Migration(version, List.of(statements));
    }
}
