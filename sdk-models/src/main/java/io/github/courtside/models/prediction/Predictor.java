package io.github.courtside.models.prediction;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link PredictionRequest} into a {@link Prediction}.
 *
 * <p>Implementations: {@code CatBoostPredictor}, {@code MovingAverageBaseline}, and {@link
 * FallbackPredictor}, which wraps a model with the tagged weighted-average fallback.
 *
 * <pre>{@code
 * Predictor predictor = CatBoostPredictor.builder(Path.of("model.cbm")).build();
 * List<Prediction> slate = predictor.predictAll(requests);
 * }</pre>
 */
public interface Predictor {

  /** The id of the system this predictor serves. */
  String modelId();

  /** The model version. */
  String modelVersion();

  /** The kind of predictor. */
  ModelType modelType();

  /**
   * One prediction.
   *
   * @throws FeaturePreparationException when the model's input cannot be built
   * @throws PredictionException when the model fails
   */
  Prediction predict(PredictionRequest request);

  /** Predictions for a slate, in request order. Implementations may batch. */
  default List<Prediction> predictAll(List<PredictionRequest> requests) {
    List<Prediction> predictions = new ArrayList<>(requests.size());
    for (PredictionRequest request : requests) {
      predictions.add(predict(request));
    }
    return predictions;
  }
}
