package io.github.courtside.models.prediction;

/**
 * Which kind of predictor produced a prediction; recorded on every {@link Prediction} so that a
 * fallback is never mistaken for a model (spec-ml §2.8).
 *
 * <pre>{@code
 * if (prediction.modelType().isFallback()) {
 *   log.warn("fallback for {}: {}", prediction.playerLookup(), prediction.fallbackReason());
 * }
 * }</pre>
 */
public enum ModelType {
  /** A CatBoost model (.cbm or CatBoost JSON), including boosters trained by this SDK. */
  CATBOOST,
  /** The moving-average baseline. */
  MOVING_AVERAGE,
  /** The weighted-average fallback {@code 0.40·L5 + 0.35·L10 + 0.25·season}. */
  WEIGHTED_AVERAGE_FALLBACK;

  /** Whether this type only ever answers in place of another predictor. */
  public boolean isFallback() {
    return this == WEIGHTED_AVERAGE_FALLBACK;
  }
}
