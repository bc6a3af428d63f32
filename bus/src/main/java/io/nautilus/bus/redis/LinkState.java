package io.nautilus.bus.redis;

/**
 * Up/down state of one bridge connection, with the last failure, for health and metrics. Written by the thread
 * that owns the connection, read by anyone. Thread-safe.
 */
final class LinkState {
    private final String role;
    private volatile boolean up;
    private volatile long downSinceNanos = System.nanoTime();
    private volatile String lastError = "not connected yet";

    LinkState(String role) {
        this.role = role;
    }

    void up() {
        up = true;
    }

    void down(Throwable error) {
        if (up) {
            downSinceNanos = System.nanoTime();
        }
        up = false;
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // the root cause says why (WRONGPASS, connection refused, certificate), the top one where
        lastError = describe(error) + (root == error ? "" : " (" + describe(root) + ")");
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    boolean isUp() {
        return up;
    }

    /** Null when up, else e.g. {@code "export link down for 3.2 s: RedisConnectionException: Connection refused"}. */
    String reason() {
        if (up) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "redis %s link down for %.1f s: %s", role,
                (System.nanoTime() - downSinceNanos) / 1e9, lastError);
    }
}
