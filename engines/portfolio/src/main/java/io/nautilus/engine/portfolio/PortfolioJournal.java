package io.nautilus.engine.portfolio;

import io.nautilus.core.model.Fill;
import io.nautilus.core.model.OrderIntent;
import io.nautilus.core.model.OrderType;
import io.nautilus.core.model.Side;
import io.nautilus.core.store.journal.Journal;
import io.nautilus.core.store.journal.JournalCorruptException;
import io.nautilus.core.store.journal.Payloads;
import io.nautilus.core.store.journal.StoreApplier;
import io.nautilus.engine.portfolio.execution.Order;
import io.nautilus.engine.portfolio.execution.OrderStatus;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Portfolio engine's journal records: a fill (with its {@code fill_seq}) and the latest state of an order, the
 * same rows the group commit used to write in its transaction. {@link #writeFill} and {@link #writeOrder} encode on
 * the ring thread into the journal's batch buffer without allocating; the {@link StoreApplier} half decodes them on
 * the applier thread and writes them with the store's SQL. Enums are stored by name, so reordering an enum never
 * changes what an old journal means.
 */
final class PortfolioJournal implements StoreApplier<PortfolioJournal.Row> {
    private static final byte FILL = 'F';
    private static final byte ORDER = 'O';

    /** A decoded record. */
    sealed interface Row permits FillRow, OrderRow {
    }

    record FillRow(long fillSeq, Fill fill) implements Row {
    }

    record OrderRow(Order order) implements Row {
    }

    static void writeFill(Journal journal, long fillSeq, Fill f) {
        int max = 1 + 8 + Payloads.maxBytes(f.fillId()) + Payloads.maxBytes(f.orderId())
                + Payloads.maxBytes(f.portfolioId()) + Payloads.maxBytes(f.symbol()) + Payloads.maxBytes(f.side().name())
                + 3 * 8 + 8;
        ByteBuffer b = journal.begin(max);
        b.put(FILL).putLong(fillSeq);
        Payloads.putString(b, f.fillId());
        Payloads.putString(b, f.orderId());
        Payloads.putString(b, f.portfolioId());
        Payloads.putString(b, f.symbol());
        Payloads.putString(b, f.side().name());
        b.putDouble(f.quantity()).putDouble(f.price()).putDouble(f.commission()).putLong(f.tsNanos());
        journal.end();
    }

    static void writeOrder(Journal journal, Order o) {
        OrderIntent i = o.intent();
        List<String> reasons = o.reasons();
        int max = 1 + Payloads.maxBytes(i.orderId()) + Payloads.maxBytes(i.portfolioId())
                + Payloads.maxBytes(i.strategyId()) + Payloads.maxBytes(i.symbol()) + Payloads.maxBytes(i.side().name())
                + 8 + Payloads.maxBytes(i.type().name()) + 8 + 1 + 8 + Payloads.maxBytes(o.status().name()) + 8 + 8
                + 4 + 8;
        for (int k = 0; k < reasons.size(); k++) {
            max += Payloads.maxBytes(reasons.get(k));
        }
        ByteBuffer b = journal.begin(max);
        b.put(ORDER);
        Payloads.putString(b, i.orderId());
        Payloads.putString(b, i.portfolioId());
        Payloads.putString(b, i.strategyId());
        Payloads.putString(b, i.symbol());
        Payloads.putString(b, i.side().name());
        b.putDouble(i.quantity());
        Payloads.putString(b, i.type().name());
        b.putDouble(i.limitPrice()).put((byte) (i.reduceOnly() ? 1 : 0)).putLong(i.tsNanos());
        Payloads.putString(b, o.status().name());
        b.putDouble(o.filledQuantity()).putDouble(o.averageFillPrice()).putInt(reasons.size());
        for (int k = 0; k < reasons.size(); k++) {
            Payloads.putString(b, reasons.get(k));
        }
        b.putLong(o.updatedNanos());
        journal.end();
    }

    @Override
    public Row decode(long seq, ByteBuffer b) {
        byte type = b.get();
        return switch (type) {
            case FILL -> {
                long fillSeq = b.getLong();
                yield new FillRow(fillSeq, new Fill(Payloads.getString(b), Payloads.getString(b), Payloads.getString(b),
                        Payloads.getString(b), Side.valueOf(Payloads.getString(b)), b.getDouble(), b.getDouble(),
                        b.getDouble(), b.getLong()));
            }
            case ORDER -> {
                var intent = new OrderIntent(Payloads.getString(b), Payloads.getString(b), Payloads.getString(b),
                        Payloads.getString(b), Side.valueOf(Payloads.getString(b)), b.getDouble(),
                        OrderType.valueOf(Payloads.getString(b)), b.getDouble(), b.get() == 1, b.getLong());
                OrderStatus status = OrderStatus.valueOf(Payloads.getString(b));
                double filled = b.getDouble();
                double average = b.getDouble();
                int n = b.getInt();
                var reasons = new ArrayList<String>(n);
                for (int k = 0; k < n; k++) {
                    reasons.add(Payloads.getString(b));
                }
                yield new OrderRow(new Order(intent, status, filled, average, reasons, b.getLong()));
            }
            default -> throw new JournalCorruptException("portfolio journal record " + seq + " has unknown type " + type);
        };
    }

    /** Fills as one JDBC batch, then the order states in journal order (the last state of an order wins). */
    @Override
    public void apply(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement fills = c.prepareStatement(PortfolioStore.INSERT_FILL);
             PreparedStatement orders = c.prepareStatement(PortfolioStore.UPSERT_ORDER)) {
            int nFills = 0;
            int nOrders = 0;
            for (Row r : rows) {
                switch (r) {
                    case FillRow f -> {
                        PortfolioStore.bindFill(fills, f.fillSeq(), f.fill());
                        fills.addBatch();
                        nFills++;
                    }
                    case OrderRow o -> {
                        PortfolioStore.bindOrder(orders, o.order());
                        orders.addBatch();
                        nOrders++;
                    }
                }
            }
            if (nFills > 0) {
                fills.executeBatch();
            }
            if (nOrders > 0) {
                orders.executeBatch();
            }
        }
    }
}
