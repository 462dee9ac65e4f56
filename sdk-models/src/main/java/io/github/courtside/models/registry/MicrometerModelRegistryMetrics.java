package io.github.courtside.models.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Objects;

/**
 * Publishes a {@link ModelRegistry}'s meters to a Micrometer registry (Micrometer is an optional
 * dependency: only this class needs it): Micrometer's Caffeine cache meters of the loaded models
 * ({@code cache.gets} with {@code result} hit/miss, {@code cache.evictions}, {@code cache.size},
 * {@code cache.load.duration}, ... tagged {@code cache=courtside.models.loaded}), so a model that
 * keeps being evicted and reloaded shows as misses and loads; and {@code
 * courtside.models.registered}, the number of registered models.
 *
 * <pre>{@code
 * ModelRegistry models = ModelRegistry.builder().schema(FeatureSchema.V9_33).build();
 * new MicrometerModelRegistryMetrics(models).bindTo(meterRegistry);
 * }</pre>
 */
public final class MicrometerModelRegistryMetrics implements MeterBinder {
  /** The {@code cache} tag of the loaded-model cache's meters. */
  public static final String CACHE_NAME = "courtside.models.loaded";

  private final ModelRegistry models;

  /** Meters of {@code models}. */
  public MicrometerModelRegistryMetrics(ModelRegistry models) {
    this.models = Objects.requireNonNull(models, "models");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    CaffeineCacheMetrics.monitor(registry, models.loadedModels(), CACHE_NAME);
    Gauge.builder("courtside.models.registered", models, m -> m.ids().size())
        .description("models registered in the model registry")
        .register(registry);
  }
}
