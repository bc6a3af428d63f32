package io.nautilus.engine.risk;

import io.nautilus.bus.local.LocalBus;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh risk engine (test settings) on its own bus and data directory for each test. */
abstract class RiskHttpTestBase {
    @TempDir
    Path dir;
    LocalBus bus;
    RiskHost risk;

    @BeforeEach
    void startRisk() {
        bus = LocalBus.create();
        risk = new RiskHost(bus, dir, RiskHost.testConfig());
    }

    @AfterEach
    void stopRisk() {
        risk.close();
        bus.close();
    }
}
