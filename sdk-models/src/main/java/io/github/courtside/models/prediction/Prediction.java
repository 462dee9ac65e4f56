package io.github.courtside.models.prediction;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One prediction: predicted points, the edge against the line and the recommendation, who made it
 * and, when a fallback answered, why.
 *
 * <p>The constructor enforces the never-silent rule: a fallback model type always carries a reason,
 * and a reason is only carried by a fallback (spec-ml §2.8: the reference persisted neither,
 * leaving confidence 50 as the only trace).
 *
 * <pre>{@code
 * Prediction p = predictor.predict(request);
 * if (p.recommendation().isPick()) {
 *   log.info("{} {} {} (edge {})", p.playerLookup(), p.recommendation(), p.line(), p.edge());
 * }
 * }</pre>
 *
 * @param playerLookup the player key
 * @param gameId the game id
 * @param gameDate the game date
 * @param predictedPoints predicted points
 * @param line the line bet against, if any
 * @param edge predicted minus line, when there is a line
 * @param recommendation OVER, UNDER or PASS (PASS without a line)
 * @param confidence confidence on a 0-1 scale
 * @param modelId the system's id (for a fallback: the id of the model it stood in for)
 * @param modelVersion the model version (e.g. a file-hash prefix)
 * @param modelType what kind of predictor answered
 * @param fallbackReason why a fallback answered; present iff {@code modelType.isFallback()}
 * @param imputedFeatures features filled with the model's training medians
 */
public record Prediction(
    String playerLookup,
    String gameId,
    LocalDate gameDate,
    double predictedPoints,
    OptionalDouble line,
    OptionalDouble edge,
    Recommendation recommendation,
    double confidence,
    String modelId,
    String modelVersion,
    ModelType modelType,
    Optional<FallbackReason> fallbackReason,
    List<String> imputedFeatures) {

  public Prediction {
    Objects.requireNonNull(playerLookup, "playerLookup");
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(gameDate, "gameDate");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(modelType, "modelType");
    Objects.requireNonNull(fallbackReason, "fallbackReason");
    imputedFeatures = List.copyOf(imputedFeatures);
    if (modelType.isFallback() != fallbackReason.isPresent()) {
      throw new IllegalArgumentException(
          "a fallback prediction must carry its reason and only a fallback may: type "
              + modelType
              + ", reason "
              + fallbackReason);
    }
    if (!Double.isFinite(predictedPoints)) {
      throw new IllegalArgumentException("predicted points must be finite: " + predictedPoints);
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
    }
    if (line.isEmpty() && (edge.isPresent() || recommendation.isPick())) {
      throw new IllegalArgumentException("without a line there is no edge and no pick");
    }
  }

  /**
   * A model prediction for a request: the edge and recommendation follow from the request's line
   * and the policy's minimum edge.
   */
  public static Prediction of(
      PredictionRequest request,
      double predictedPoints,
      double confidence,
      PredictionPolicy policy,
      String modelId,
      String modelVersion,
      ModelType modelType,
      List<String> imputedFeatures) {
    OptionalDouble line = request.effectiveLine();
    OptionalDouble edge =
        line.isPresent()
            ? OptionalDouble.of(predictedPoints - line.getAsDouble())
            : OptionalDouble.empty();
    Recommendation recommendation =
        edge.isPresent()
            ? Recommendation.of(edge.getAsDouble(), policy.minEdge())
            : Recommendation.PASS;
    return new Prediction(
        request.playerLookup(),
        request.gameId(),
        request.gameDate(),
        predictedPoints,
        line,
        edge,
        recommendation,
        confidence,
        modelId,
        modelVersion,
        modelType,
        Optional.empty(),
        imputedFeatures);
  }

  /** Whether a fallback answered. */
  public boolean isFallback() {
    return modelType.isFallback();
  }
}
