package io.github.courtside.models.prediction;

import io.github.courtside.core.CourtsideException;
import java.util.List;

/**
 * A configuration error: the feature schema of a request lacks features the model was trained on.
 * Unlike {@link FeaturePreparationException} it is not a per-row problem, so {@link
 * FallbackPredictor} never turns it into a fallback; the slate fails.
 *
 * <pre>{@code
 * try {
 *   predictor.predictAll(slate);
 * } catch (FeatureContractException e) {
 *   log.error("schema {} lacks {}", e.schemaId(), e.missingFeatures());
 * }
 * }</pre>
 */
public final class FeatureContractException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final String modelId;
  private final String schemaId;
  private final List<String> missingFeatures;

  /** Schema {@code schemaId} lacks {@code missingFeatures} of model {@code modelId}. */
  public FeatureContractException(String modelId, String schemaId, List<String> missingFeatures) {
    super(
        "feature schema "
            + schemaId
            + " lacks features of model "
            + modelId
            + ": "
            + missingFeatures
            + " (a configuration error, not a per-row fallback; give the builder .schema(...))");
    this.modelId = modelId;
    this.schemaId = schemaId;
    this.missingFeatures = List.copyOf(missingFeatures);
  }

  /** The model. */
  public String modelId() {
    return modelId;
  }

  /** The schema that lacks features. */
  public String schemaId() {
    return schemaId;
  }

  /** The model features the schema lacks, in model order. */
  public List<String> missingFeatures() {
    return missingFeatures;
  }
}
