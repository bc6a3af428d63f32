package io.nautilus.core.engine;

import dagger.MapKey;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dagger map key under which an engine's module contributes its {@link Engine}:
 * <pre>{@code
 * @Module public interface RiskModule {
 *     @Binds @IntoMap @EngineKey(EngineId.RISK) Engine risk(RiskEngine engine);
 * }
 * }</pre>
 * The launcher's root component collects them into {@code Map<EngineId, Provider<Engine>>}.
 */
@MapKey
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EngineKey {
    EngineId value();
}
