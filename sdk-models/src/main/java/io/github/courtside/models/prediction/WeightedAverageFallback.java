package io.github.courtside.models.prediction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The weighted-average fallback of spec-ml §2.8: {@code 0.40·L5 + 0.35·L10 + 0.25·season}, rounded
 * to two decimals (season defaults to 10, L5 and L10 to the season average), confidence 0.5,
 * recommendation PASS.
 *
 * <p>It only answers <em>with a reason</em>: there is no way to get an untagged fallback
 * prediction, and {@link FallbackPredictor} is the one place that decides to use it (counting and
 * logging each use). QUIRK reproduced: the output is not clamped, like the reference.
 *
 * <pre>{@code
 * Prediction p = new WeightedAverageFallback()
 *     .answer(request, "catboost_v9", "v9_2026", FallbackReason.MODEL_PREDICTION_FAILED);
 * // L5 30, L10 28, season 25 -> 28.05
 * }</pre>
 */
public final class WeightedAverageFallback {

  /** A new fallback; stateless. */
  public WeightedAverageFallback() {}

  /** The fallback prediction for a request, standing in for model {@code modelId}. */
  public Prediction answer(
      PredictionRequest request, String modelId, String modelVersion, FallbackReason reason) {
    double predicted = points(request);
    Prediction.Builder builder =
        Prediction.builder(request)
            .predictedPoints(predicted)
            .recommendation(Recommendation.PASS)
            .confidence(0.5)
            .modelId(modelId)
            .modelVersion(modelVersion)
            .modelType(ModelType.WEIGHTED_AVERAGE_FALLBACK)
            .fallbackReason(reason)
            .createdAt(Instant.now());
    OptionalDouble line = request.effectiveLine();
    if (line.isPresent()) {
      builder.edge(predicted - line.getAsDouble());
    }
    return builder.build();
  }

  /** The fallback's points for a request. */
  public static double points(PredictionRequest request) {
    double season = request.featureOr("points_avg_season", 10.0);
    double l5 = request.featureOr("points_avg_last_5", season);
    double l10 = request.featureOr("points_avg_last_10", season);
    double value = 0.40 * l5 + 0.35 * l10 + 0.25 * season;
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }
}
