package io.nautilus.core.store.journal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How an engine turns its journal records into rows: {@link #decode} a payload (on the applier thread), then
 * {@link #apply} a run of decoded records inside the transaction that also records the applied sequence number.
 *
 * @param <T> the engine's decoded record type
 */
public interface StoreApplier<T> {
    /** Decodes one payload (position to limit); called on the applier thread, may allocate. */
    T decode(long seq, ByteBuffer payload);

    /** Writes the records, in order, on {@code c} (inside a transaction; do not commit). */
    void apply(Connection c, List<T> records) throws SQLException;
}
