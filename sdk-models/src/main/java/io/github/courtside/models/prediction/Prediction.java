package io.github.courtside.models.prediction;

import io.github.courtside.models.quality.QualityTier;
import java.time.Instant;
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
 * @param qualityTier the vector's quality tier, when the quality gate scored it
 * @param defaultedRequiredFeatures required features that were defaulted or imputed
 * @param createdAt when the prediction was made
 * @param lineSource where the line came from: {@code request}, {@code feature:vegas_points_line} or
 *     {@code none}
 * @param blockingReasons why the quality gate blocked the vector; non-empty only for {@link
 *     FallbackReason#QUALITY_GATE_BLOCKED}
 * @param rawPredictedPoints the model's output before clamping
 * @param clamped whether {@code predictedPoints} was clamped from {@code rawPredictedPoints}
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
    List<String> imputedFeatures,
    Optional<QualityTier> qualityTier,
    List<String> defaultedRequiredFeatures,
    Instant createdAt,
    String lineSource,
    List<String> blockingReasons,
    double rawPredictedPoints,
    boolean clamped) {

  /** The line source of a request with an explicit line. */
  public static final String LINE_FROM_REQUEST = "request";

  /** The line source of a request whose line is the vector's {@code vegas_points_line}. */
  public static final String LINE_FROM_FEATURE = "feature:vegas_points_line";

  /** The line source of a prediction without a line. */
  public static final String NO_LINE = "none";

  /**
   * The line source of a placeholder line (a stand-in value such as the reference's 20.0, not a
   * market line): graded for error only, never for a pick, whatever its value.
   */
  public static final String PLACEHOLDER_LINE = "placeholder";

  /**
   * The pre-readiness shape: no quality tier, created now, line source {@link #NO_LINE} or {@link
   * #LINE_FROM_REQUEST}, not clamped.
   */
  public Prediction(
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
    this(
        playerLookup,
        gameId,
        gameDate,
        predictedPoints,
        line,
        edge,
        recommendation,
        confidence,
        modelId,
        modelVersion,
        modelType,
        fallbackReason,
        imputedFeatures,
        Optional.empty(),
        List.of(),
        Instant.now(),
        line.isPresent() ? LINE_FROM_REQUEST : NO_LINE,
        List.of(),
        predictedPoints,
        false);
  }

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
    Objects.requireNonNull(qualityTier, "qualityTier");
    defaultedRequiredFeatures = List.copyOf(defaultedRequiredFeatures);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lineSource, "lineSource");
    blockingReasons = List.copyOf(blockingReasons);
    if (!blockingReasons.isEmpty()
        && !fallbackReason.equals(Optional.of(FallbackReason.QUALITY_GATE_BLOCKED))) {
      throw new IllegalArgumentException("only a quality-gate-blocked prediction has reasons");
    }
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
        imputedFeatures,
        Optional.empty(),
        List.of(),
        Instant.now(),
        lineSource(request),
        List.of(),
        predictedPoints,
        false);
  }

  /** Where a request's effective line comes from. */
  public static String lineSource(PredictionRequest request) {
    if (request.line().isPresent()) {
      return LINE_FROM_REQUEST;
    }
    return request.effectiveLine().isPresent() ? LINE_FROM_FEATURE : NO_LINE;
  }

  /** This prediction, clamped from the model's raw output {@code raw}. */
  public Prediction withRawPoints(double raw) {
    return new Prediction(
        playerLookup,
        gameId,
        gameDate,
        predictedPoints,
        line,
        edge,
        recommendation,
        confidence,
        modelId,
        modelVersion,
        modelType,
        fallbackReason,
        imputedFeatures,
        qualityTier,
        defaultedRequiredFeatures,
        createdAt,
        lineSource,
        blockingReasons,
        raw,
        raw != predictedPoints);
  }

  /** This prediction with the quality gate's findings. */
  public Prediction withQuality(
      QualityTier tier, List<String> defaultedRequired, List<String> reasons) {
    return new Prediction(
        playerLookup,
        gameId,
        gameDate,
        predictedPoints,
        line,
        edge,
        recommendation,
        confidence,
        modelId,
        modelVersion,
        modelType,
        fallbackReason,
        imputedFeatures,
        Optional.of(tier),
        defaultedRequired,
        createdAt,
        lineSource,
        reasons,
        rawPredictedPoints,
        clamped);
  }

  /** This prediction with its line from {@code source} (e.g. {@link #PLACEHOLDER_LINE}). */
  public Prediction withLineSource(String source) {
    return new Prediction(
        playerLookup,
        gameId,
        gameDate,
        predictedPoints,
        line,
        edge,
        recommendation,
        confidence,
        modelId,
        modelVersion,
        modelType,
        fallbackReason,
        imputedFeatures,
        qualityTier,
        defaultedRequiredFeatures,
        createdAt,
        source,
        blockingReasons,
        rawPredictedPoints,
        clamped);
  }

  /** This prediction made at {@code instant}. */
  public Prediction withCreatedAt(Instant instant) {
    return new Prediction(
        playerLookup,
        gameId,
        gameDate,
        predictedPoints,
        line,
        edge,
        recommendation,
        confidence,
        modelId,
        modelVersion,
        modelType,
        fallbackReason,
        imputedFeatures,
        qualityTier,
        defaultedRequiredFeatures,
        instant,
        lineSource,
        blockingReasons,
        rawPredictedPoints,
        clamped);
  }

  /** How many required features were defaulted or imputed. */
  public int defaultedRequiredCount() {
    return defaultedRequiredFeatures.size();
  }

  /** Whether the quality gate blocked the vector: the model never saw it. */
  public boolean isBlocked() {
    return fallbackReason.equals(Optional.of(FallbackReason.QUALITY_GATE_BLOCKED));
  }

  /** Whether a fallback answered. */
  public boolean isFallback() {
    return modelType.isFallback();
  }
}
