package io.nautilus.launcher;

import dagger.Module;
import dagger.multibindings.Multibinds;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineId;

import java.util.Map;

/** Declares the engine map so that a build with no engine module still has an (empty) map. */
@Module
interface EnginesModule {
    @Multibinds
    Map<EngineId, Engine> engines();
}
