package io.nautilus.testkit;

/** Reads the testkit's settings: a system property, else an environment variable, else a default. Stateless. */
final class Settings {

    private Settings() {
    }

    /** The first non-blank of system property {@code property} and environment variable {@code env}, stripped; else {@code fallback}. */
    static String get(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
