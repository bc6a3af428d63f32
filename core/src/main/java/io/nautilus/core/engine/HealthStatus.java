package io.nautilus.core.engine;

/** Engine health. {@link #seedName()} is the word the seed API used ({@code healthy|degraded|stopped}). */
public enum HealthStatus {
    UP("healthy"), DEGRADED("degraded"), DOWN("stopped");

    private final String seedName;

    HealthStatus(String seedName) {
        this.seedName = seedName;
    }

    public String seedName() {
        return seedName;
    }

    /** The worse of two statuses. */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
