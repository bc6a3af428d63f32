package io.nautilus.bus.codec;

/**
 * Canonical instances of short texts that decoding reads again and again (an envelope's origin, topic, type,
 * priority and source): a direct-mapped table of {@value #SLOTS} strings, so that decoding the same topic returns the
 * same {@code String} (no new string per message, and the maps it is looked up in downstream hash it once). A miss
 * makes the string and takes the slot. Thread-safe without locks: a slot holds an immutable {@code String}, so a
 * racing reader sees the old or the new one (or none), and either is compared with the text before it is returned.
 */
final class TextCache {
    private static final int SLOTS = 512;
    /** Longer texts are not cached (a topic is a few dozen characters). */
    private static final int MAX_LENGTH = 128;

    private final String[] slots = new String[SLOTS];

    /** The text {@code c[off, off + len)} as a string, the same instance as last time if it is still cached. */
    String of(char[] c, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(c, off, len);
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + c[off + i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String s = slots[slot];
        if (s != null && same(s, c, off, len)) {
            return s;
        }
        s = new String(c, off, len);
        slots[slot] = s;
        return s;
    }

    private static boolean same(String s, char[] c, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != c[off + i]) {
                return false;
            }
        }
        return true;
    }
}
