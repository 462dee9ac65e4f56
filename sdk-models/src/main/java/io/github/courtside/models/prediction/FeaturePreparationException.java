package io.github.courtside.models.prediction;

import java.util.List;

/**
 * A model's input vector could not be built from a request: features the model needs are absent or
 * missing and cannot be imputed.
 *
 * <pre>{@code
 * try {
 *   predictor.predict(request);
 * } catch (FeaturePreparationException e) {
 *   log.error("model {} lacks {}", e.modelId(), e.features());
 * }
 * }</pre>
 */
public final class FeaturePreparationException extends PredictionException {
  private static final long serialVersionUID = 1L;
  private final List<String> features;

  /** The model {@code modelId} cannot get {@code features} for {@code playerLookup}. */
  public FeaturePreparationException(
      String modelId, String playerLookup, List<String> features, String why) {
    super(modelId, playerLookup, why + ": " + features);
    this.features = List.copyOf(features);
  }

  /** The features that could not be supplied, in model order. */
  public List<String> features() {
    return features;
  }
}
