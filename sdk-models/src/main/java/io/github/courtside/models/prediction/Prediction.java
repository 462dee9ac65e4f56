package io.github.courtside.models.prediction;

import io.github.courtside.models.quality.QualityTier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One prediction: predicted points, the edge against the line and the recommendation, who made it
 * and, when a fallback answered, why.
 *
 * <p>{@link Builder#build()} enforces the never-silent rule: a fallback model type always carries a
 * reason, and a reason is only carried by a fallback (spec-ml §2.8: the reference persisted
 * neither, leaving confidence 50 as the only trace).
 *
 * <pre>{@code
 * Prediction p = predictor.predict(request);
 * if (p.recommendation().isPick()) {
 *   log.info("{} {} {} (edge {})", p.playerLookup(), p.recommendation(), p.line(), p.edge());
 * }
 * Prediction graded = Prediction.builder()
 *     .playerLookup("lebronjames").gameId("20240302_LAL_DEN").gameDate(day)
 *     .predictedPoints(28.4).line(25.5).edge(2.9).recommendation(Recommendation.OVER)
 *     .confidence(0.8).modelId("catboost_v9").modelVersion("a1b2c3").modelType(ModelType.CATBOOST)
 *     .createdAt(clock.instant())
 *     .build();
 * Prediction placeholder = graded.toBuilder().lineSource(Prediction.PLACEHOLDER_LINE).build();
 * }</pre>
 */
@Value.Style(
    // ValueStyle, tuned for batch prediction, which makes one per row: a positional constructor
    // over every attribute (of() below builds through it, without a builder object per row), and
    // no init shim for the default attributes (an extra object and volatile writes per instance;
    // the defaults read only attributes declared before them, so declaration order is safe)
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allParameters = true,
    unsafeDefaultAndDerived = true,
    defaults = @Value.Immutable(copy = false, prehash = false))
@Value.Immutable
public abstract class Prediction {

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

  Prediction() {}

  /** An empty builder; {@link Builder#build()} checks the values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this prediction. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * A model's prediction for a request, made at {@code createdAt}, built without a builder (batch
   * prediction makes one per row): {@code rawPoints} clamped by the policy; the edge and
   * recommendation follow from {@code line} (the request's effective line) and the policy's minimum
   * edge; the line source from whether the request carried the line.
   */
  public static Prediction of(
      PredictionRequest request,
      double rawPoints,
      OptionalDouble line,
      double confidence,
      PredictionPolicy policy,
      String modelId,
      String modelVersion,
      ModelType modelType,
      List<String> imputedFeatures,
      Instant createdAt) {
    double points = policy.clamp(rawPoints);
    OptionalDouble edge = OptionalDouble.empty();
    Recommendation recommendation = Recommendation.PASS;
    String lineSource = NO_LINE;
    if (line.isPresent()) {
      double value = points - line.getAsDouble();
      edge = OptionalDouble.of(value);
      recommendation = Recommendation.of(value, policy.minEdge());
      lineSource = request.line().isPresent() ? LINE_FROM_REQUEST : LINE_FROM_FEATURE;
    }
    return ImmutablePrediction.of(
        request.playerLookup(),
        request.gameId(),
        request.gameDate(),
        points,
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
        createdAt,
        lineSource,
        List.of(),
        rawPoints);
  }

  /**
   * A builder with the request's player, game, date, effective line and {@link #lineSource(
   * PredictionRequest) line source} set.
   */
  public static Builder builder(PredictionRequest request) {
    return builder()
        .playerLookup(request.playerLookup())
        .gameId(request.gameId())
        .gameDate(request.gameDate())
        .line(request.effectiveLine())
        .lineSource(lineSource(request));
  }

  /** Where a request's effective line comes from. */
  public static String lineSource(PredictionRequest request) {
    if (request.line().isPresent()) {
      return LINE_FROM_REQUEST;
    }
    return request.effectiveLine().isPresent() ? LINE_FROM_FEATURE : NO_LINE;
  }

  /** The player key. */
  public abstract String playerLookup();

  /** The game id. */
  public abstract String gameId();

  /** The game date. */
  public abstract LocalDate gameDate();

  /** Predicted points (finite). */
  public abstract double predictedPoints();

  /** The line bet against, if any. */
  public abstract OptionalDouble line();

  /** Predicted minus line, when there is a line. */
  public abstract OptionalDouble edge();

  /** OVER, UNDER or PASS (PASS without a line). */
  public abstract Recommendation recommendation();

  /** Confidence on a 0-1 scale. */
  public abstract double confidence();

  /** The system's id (for a fallback: the id of the model it stood in for). */
  public abstract String modelId();

  /** The model version (e.g. a file-hash prefix). */
  public abstract String modelVersion();

  /** What kind of predictor answered. */
  public abstract ModelType modelType();

  /** Why a fallback answered; present iff {@code modelType().isFallback()}. */
  public abstract Optional<FallbackReason> fallbackReason();

  /** Features filled with the model's training medians. */
  public abstract List<String> imputedFeatures();

  /** The vector's quality tier, when the quality gate scored it. */
  public abstract Optional<QualityTier> qualityTier();

  /** Required features that were defaulted or imputed. */
  public abstract List<String> defaultedRequiredFeatures();

  /** When the prediction was made. */
  public abstract Instant createdAt();

  /**
   * Where the line came from: {@link #LINE_FROM_REQUEST}, {@link #LINE_FROM_FEATURE}, {@link
   * #PLACEHOLDER_LINE} or {@link #NO_LINE}; unless set, {@code request} with a line and {@code
   * none} without.
   */
  @Value.Default
  public String lineSource() {
    return line().isPresent() ? LINE_FROM_REQUEST : NO_LINE;
  }

  /**
   * Why the quality gate blocked the vector; non-empty only for {@link
   * FallbackReason#QUALITY_GATE_BLOCKED}.
   */
  public abstract List<String> blockingReasons();

  /** The model's output before clamping; {@link #predictedPoints()} unless set. */
  @Value.Default
  public double rawPredictedPoints() {
    return predictedPoints();
  }

  /** Whether {@link #predictedPoints()} was clamped from {@link #rawPredictedPoints()}. */
  public boolean clamped() {
    return rawPredictedPoints() != predictedPoints();
  }

  /** How many required features were defaulted or imputed. */
  public int defaultedRequiredCount() {
    return defaultedRequiredFeatures().size();
  }

  /** Whether the quality gate blocked the vector: the model never saw it. */
  public boolean isBlocked() {
    return fallbackReason().orElse(null) == FallbackReason.QUALITY_GATE_BLOCKED;
  }

  /** Whether a fallback answered. */
  public boolean isFallback() {
    return modelType().isFallback();
  }

  @Value.Check
  void check() {
    if (!blockingReasons().isEmpty() && !isBlocked()) {
      throw new IllegalArgumentException("only a quality-gate-blocked prediction has reasons");
    }
    if (modelType().isFallback() != fallbackReason().isPresent()) {
      throw new IllegalArgumentException(
          "a fallback prediction must carry its reason and only a fallback may: type "
              + modelType()
              + ", reason "
              + fallbackReason());
    }
    if (!Double.isFinite(predictedPoints())) {
      throw new IllegalArgumentException("predicted points must be finite: " + predictedPoints());
    }
    double confidence = confidence();
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
    }
    if (line().isEmpty() && (edge().isPresent() || recommendation().isPick())) {
      throw new IllegalArgumentException("without a line there is no edge and no pick");
    }
  }

  /** Builds a {@link Prediction}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutablePrediction.Builder {
    Builder() {}
  }
}
