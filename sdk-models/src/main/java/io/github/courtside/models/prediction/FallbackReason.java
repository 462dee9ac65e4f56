package io.github.courtside.models.prediction;

/**
 * Why a fallback answered instead of the model (the reference's prediction_error_code).
 *
 * <pre>{@code
 * prediction.fallbackReason().ifPresent(reason -> metrics.count(reason));
 * }</pre>
 */
public enum FallbackReason {
  /** The model's input vector could not be built (missing or invalid features). */
  FEATURE_PREPARATION_FAILED,
  /** The model was given a vector but failed to predict. */
  MODEL_PREDICTION_FAILED,
  /**
   * The model could not be loaded and the caller explicitly tolerated that ({@code
   * FallbackPredictorSetup#tolerateLoadFailure}); by default a load failure throws.
   */
  MODEL_NOT_LOADED,
  /**
   * The quality gate blocked the vector (tier below the configured minimum, a required default or
   * matchup quality below 50): the model was never asked; the reasons are on the prediction.
   */
  QUALITY_GATE_BLOCKED
}
