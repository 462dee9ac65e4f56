package io.github.courtside.models.prediction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts fallbacks as {@code courtside.predictions.fallback{model, reason}} and imputations as
 * {@code courtside.predictions.imputed{model, feature}}.
 */
final class MicrometerFallbackMetrics implements FallbackMetrics {
  static final String METRIC = "courtside.predictions.fallback";
  static final String IMPUTED = "courtside.predictions.imputed";
  private final MeterRegistry registry;

  MicrometerFallbackMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void fallback(String modelId, FallbackReason reason) {
    Counter.builder(METRIC)
        .description("Predictions answered by the weighted-average fallback instead of the model")
        .tag("model", modelId)
        .tag("reason", reason.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  @Override
  public void imputed(String modelId, String feature) {
    Counter.builder(IMPUTED)
        .description("Features filled with the model's training median")
        .tag("model", modelId)
        .tag("feature", feature)
        .register(registry)
        .increment();
  }
}
