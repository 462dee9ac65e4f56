package io.github.courtside.models.prediction;

import io.github.courtside.core.CourtsideException;

/**
 * A model could not produce a prediction for a request (other than missing features, see {@link
 * FeaturePreparationException}).
 *
 * <pre>{@code
 * try {
 *   predictor.predict(request);
 * } catch (PredictionException e) {
 *   log.error("model {} failed for {}", e.modelId(), e.playerLookup(), e);
 * }
 * }</pre>
 */
public class PredictionException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final String modelId;
  private final String playerLookup;

  /** The model {@code modelId} failed for {@code playerLookup}. */
  public PredictionException(String modelId, String playerLookup, String message) {
    super("model " + modelId + ", player " + playerLookup + ": " + message);
    this.modelId = modelId;
    this.playerLookup = playerLookup;
  }

  /** The model {@code modelId} failed for {@code playerLookup} because of {@code cause}. */
  public PredictionException(String modelId, String playerLookup, String message, Throwable cause) {
    super("model " + modelId + ", player " + playerLookup + ": " + message, cause);
    this.modelId = modelId;
    this.playerLookup = playerLookup;
  }

  /** The model that failed. */
  public String modelId() {
    return modelId;
  }

  /** The player of the failed request ("" for a whole batch). */
  public String playerLookup() {
    return playerLookup;
  }
}
