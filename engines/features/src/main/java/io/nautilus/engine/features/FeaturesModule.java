package io.nautilus.engine.features;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.EngineKey;

/** Dagger module contributing the {@link FeaturesEngine} under {@link EngineId#FEATURES}. */
@Module
public interface FeaturesModule {
    @Binds
    @IntoMap
    @EngineKey(EngineId.FEATURES)
    Engine bind(FeaturesEngine engine);
}
