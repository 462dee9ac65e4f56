package io.github.courtside.models.prediction;

/** Counts fallback answers; a no-op unless a Micrometer registry was given. */
interface FallbackMetrics {
  FallbackMetrics NONE = (model, reason) -> {};

  void fallback(String modelId, FallbackReason reason);

  /** One feature of one prediction was filled with the model's training median. */
  default void imputed(String modelId, String feature) {}
}
