package io.nautilus.core.bus;

/**
 * Topic and pattern syntax: tokens of {@code [A-Za-z0-9_\-:^=/]} plus dots inside a symbol token are not allowed
 * (dots separate tokens). Patterns may use {@code *} as a whole token and {@code >} as the whole last token.
 * Stateless and thread-safe.
 */
public final class Topics {
    private Topics() {
    }

    /** Checks a concrete topic (no wildcards). */
    public static String checkTopic(String topic) {
        check(topic, false);
        return topic;
    }

    /** Checks a subscription pattern. */
    public static String checkPattern(String pattern) {
        check(pattern, true);
        return pattern;
    }

    private static void check(String s, boolean wildcards) {
        if (s == null || s.isEmpty() || s.length() > 256) {
            throw new IllegalArgumentException("topic must be 1-256 characters, got '" + s + "'");
        }
        int tokenStart = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                int len = i - tokenStart;
                if (len == 0) {
                    throw new IllegalArgumentException("empty token in topic '" + s + "'");
                }
                if (len == 1 && (s.charAt(tokenStart) == '*' || s.charAt(tokenStart) == '>')) {
                    if (!wildcards) {
                        throw new IllegalArgumentException("wildcards are not allowed in a published topic: '" + s + "'");
                    }
                    if (s.charAt(tokenStart) == '>' && i != s.length()) {
                        throw new IllegalArgumentException("'>' must be the last token of pattern '" + s + "'");
                    }
                } else {
                    for (int j = tokenStart; j < i; j++) {
                        char c = s.charAt(j);
                        boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '^'
                                || c == '=' || c == '/';
                        if (!ok) {
                            throw new IllegalArgumentException("invalid character '" + c + "' in topic '" + s + "'");
                        }
                    }
                }
                tokenStart = i + 1;
            }
        }
    }
}
