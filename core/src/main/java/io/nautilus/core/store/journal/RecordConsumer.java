package io.nautilus.core.store.journal;

import java.nio.ByteBuffer;

/** Receives journal records in sequence order; {@code payload} is valid only during the call (position to limit). */
@FunctionalInterface
public interface RecordConsumer {
    void accept(long seq, ByteBuffer payload);
}
