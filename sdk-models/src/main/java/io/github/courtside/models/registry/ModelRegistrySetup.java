package io.github.courtside.models.registry;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.prediction.PredictionPolicy;
import org.immutables.value.Value;

/**
 * What a {@link ModelRegistry} is made of. Immutable; the builder is generated ({@link
 * ComponentStyle}) and {@link Builder#build()} makes the registry.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.builder()   // = ModelRegistrySetup.builder()
 *     .schema(FeatureSchema.V9_33)
 *     .maximumLoaded(4)
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class ModelRegistrySetup {
  ModelRegistrySetup() {}

  /** A builder; every setting has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The feature schema every model must be served from (default {@link FeatureSchema#V2_60}). */
  @Value.Default
  public FeatureSchema schema() {
    return FeatureSchema.V2_60;
  }

  /** The pick policy of the served predictors (default {@link PredictionPolicy#defaults()}). */
  @Value.Default
  public PredictionPolicy policy() {
    return PredictionPolicy.defaults();
  }

  /** How many models stay loaded at most (default 16). */
  @Value.Default
  public long maximumLoaded() {
    return 16;
  }

  /** The class loader classpath models are read from (default this library's). */
  @Value.Default
  public ClassLoader classLoader() {
    return ModelRegistry.class.getClassLoader();
  }

  @Value.Check
  void check() {
    if (maximumLoaded() < 1) {
      throw new IllegalArgumentException(
          "model registry maximumLoaded must be at least 1, was " + maximumLoaded());
    }
  }

  /**
   * Builds a {@link ModelRegistrySetup} ({@link #buildSetup()}) or directly the {@link
   * ModelRegistry} ({@link #build()}).
   */
  public static final class Builder extends ImmutableModelRegistrySetup.Builder {
    Builder() {}

    /** The registry. */
    public ModelRegistry build() {
      return ModelRegistry.create(buildSetup());
    }
  }
}
