package io.github.courtside.models.catboost;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts imputed values as {@code courtside.catboost.imputed{model, feature}}. */
final class MicrometerImputationMetrics implements ImputationMetrics {
  static final String METRIC = "courtside.catboost.imputed";
  private final MeterRegistry registry;

  MicrometerImputationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void imputed(String modelId, String feature) {
    Counter.builder(METRIC)
        .description("Feature values CatBoostPredictor filled with the model's training median")
        .tag("model", modelId)
        .tag("feature", feature)
        .register(registry)
        .increment();
  }
}
