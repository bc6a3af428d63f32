package io.nautilus.engine.features;

import io.nautilus.testkit.engine.EngineTestHost;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of HTTP tests sharing one features engine per test class (routes that do not change configuration). */
abstract class SharedFeaturesHost {

    @TempDir
    static Path dir;
    static EngineTestHost features;

    @BeforeAll
    static void start() {
        features = EngineTestHost.builder(new FeaturesEngine()).dataDir(dir).start();
    }

    @AfterAll
    static void stop() {
        features.close();
    }
}
