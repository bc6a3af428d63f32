package io.nautilus.engine.features;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of HTTP tests sharing one features engine per test class (routes that do not change configuration). */
abstract class SharedFeaturesHost {

    @TempDir
    static Path dir;
    static FeaturesTestHost features;

    @BeforeAll
    static void start() {
        features = FeaturesTestHost.start(dir);
    }

    @AfterAll
    static void stop() {
        features.close();
    }
}
