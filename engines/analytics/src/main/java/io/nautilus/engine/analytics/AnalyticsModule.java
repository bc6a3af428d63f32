package io.nautilus.engine.analytics;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import io.nautilus.core.engine.Engine;
import io.nautilus.core.engine.EngineId;
import io.nautilus.core.engine.EngineKey;

/** Dagger module contributing the {@link AnalyticsEngine} under {@link EngineId#ANALYTICS}. */
@Module
public interface AnalyticsModule {
    @Binds
    @IntoMap
    @EngineKey(EngineId.ANALYTICS)
    Engine bind(AnalyticsEngine engine);
}
