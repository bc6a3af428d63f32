package io.nautilus.testkit;

/** Runs test code with a system property temporarily set, restoring the previous value after. */
final class SystemProperties {

    private SystemProperties() {
    }

    static void with(String key, String value, Runnable body) {
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
