package io.nautilus.core.store.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The record layout, big-endian (the {@link ByteBuffer} default): {@code int length} (payload bytes, 1..{@link #MAX_PAYLOAD}), {@code int crc}
 * (CRC32C of the length, the sequence number and the payload), {@code long seq}, then the payload. A torn write or
 * flipped bit fails the CRC; zeroed space fails the length check.
 */
final class RecordFormat {
    static final int HEADER = 16;
    static final int MAX_PAYLOAD = 16 << 20;

    private RecordFormat() {
    }

    /** CRC32C of the record at absolute index {@code start} of {@code b}; leaves position and limit as they were. */
    static int crc(CRC32C crc, ByteBuffer b, int start, int payloadLength) {
        int position = b.position();
        int limit = b.limit();
        crc.reset();
        b.limit(start + 4).position(start);
        crc.update(b);
        b.limit(start + HEADER + payloadLength).position(start + 8);
        crc.update(b);
        b.limit(limit).position(position);
        return (int) crc.getValue();
    }

    /**
     * Size of the complete, CRC-valid record at absolute index {@code start} of {@code b} (reading up to
     * {@code end}), or -1 when there is none there (bad length, incomplete, CRC mismatch).
     */
    static int validAt(CRC32C crc, ByteBuffer b, int start, int end) {
        if (end - start < HEADER) {
            return -1;
        }
        int length = b.getInt(start);
        if (length < 1 || length > MAX_PAYLOAD || end - start - HEADER < length) {
            return -1;
        }
        return crc(crc, b, start, length) == b.getInt(start + 4) ? HEADER + length : -1;
    }
}
