package io.nautilus.core.store.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Strings in record payloads: an {@code int} byte count, then UTF-8. {@link #putString} encodes char by char into
 * the buffer, so writing a record allocates nothing; {@link #getString} allocates (it runs on the reader's side).
 */
public final class Payloads {
    private Payloads() {
    }

    /** An upper bound of the bytes {@link #putString} writes for {@code s} (3 per UTF-16 char, plus the count). */
    public static int maxBytes(String s) {
        return 4 + 3 * s.length();
    }

    /** Writes {@code s} (not null) as its UTF-8 byte count and bytes; unpaired surrogates become '?'. */
    public static void putString(ByteBuffer b, String s) {
        int countAt = b.position();
        b.position(countAt + 4);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.put((byte) c);
            } else if (c < 0x800) {
                b.put((byte) (0xC0 | (c >> 6))).put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b.put((byte) (0xF0 | (cp >> 18))).put((byte) (0x80 | ((cp >> 12) & 0x3F)))
                        .put((byte) (0x80 | ((cp >> 6) & 0x3F))).put((byte) (0x80 | (cp & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                b.put((byte) '?');
            } else {
                b.put((byte) (0xE0 | (c >> 12))).put((byte) (0x80 | ((c >> 6) & 0x3F))).put((byte) (0x80 | (c & 0x3F)));
            }
        }
        b.putInt(countAt, b.position() - countAt - 4);
    }

    /** Reads a string written by {@link #putString}. */
    public static String getString(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new JournalCorruptException("string of " + n + " bytes in a payload with " + b.remaining() + " left");
        }
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
