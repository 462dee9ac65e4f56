package io.github.courtside.examples.report;

import io.github.courtside.models.grading.GradedPrediction;
import io.github.courtside.models.grading.Outcome;
import io.github.courtside.models.prediction.Prediction;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One graded prediction as the report and its machine-readable files hold it: everything needed to
 * chart it, and nothing that changes from run to run (no timestamps), so the same seed gives the
 * same rows. Points are kept to four decimals, as the files hold them.
 *
 * <pre>{@code
 * List<GradedRow> rows = result.rows().stream().map(GradedRow::of).toList();
 * }</pre>
 *
 * @param gameDate the game date
 * @param gameId the game id
 * @param playerLookup the player key
 * @param modelId the system that predicted
 * @param modelType what answered: the model or a fallback (lower case)
 * @param fallbackReason why a fallback answered, or "" for the model
 * @param qualityTier the vector's quality tier, or "" when it was not scored
 * @param imputedFeatures how many feature values were imputed with training medians
 * @param predictedPoints the predicted points
 * @param line the points line, empty without one
 * @param edge predicted minus line, empty without a line
 * @param recommendation OVER, UNDER or PASS
 * @param actualPoints points scored, empty when void
 * @param outcome WIN, LOSS, PUSH, VOID, PASS or NO_LINE
 */
public record GradedRow(
    LocalDate gameDate,
    String gameId,
    String playerLookup,
    String modelId,
    String modelType,
    String fallbackReason,
    String qualityTier,
    int imputedFeatures,
    double predictedPoints,
    OptionalDouble line,
    OptionalDouble edge,
    String recommendation,
    OptionalDouble actualPoints,
    Outcome outcome) {

  public GradedRow {
    Objects.requireNonNull(gameDate, "gameDate");
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(playerLookup, "playerLookup");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelType, "modelType");
    Objects.requireNonNull(fallbackReason, "fallbackReason");
    Objects.requireNonNull(qualityTier, "qualityTier");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(actualPoints, "actualPoints");
    Objects.requireNonNull(outcome, "outcome");
    if (imputedFeatures < 0) {
      throw new IllegalArgumentException("imputed features cannot be negative: " + imputedFeatures);
    }
  }

  /** The row of a graded prediction. */
  public static GradedRow of(GradedPrediction graded) {
    Prediction p = graded.prediction();
    return new GradedRow(
        p.gameDate(),
        p.gameId(),
        p.playerLookup(),
        p.modelId(),
        p.modelType().name().toLowerCase(Locale.ROOT),
        p.fallbackReason().map(Enum::name).orElse(""),
        p.qualityTier().map(Enum::name).orElse(""),
        p.imputedFeatures().size(),
        round(p.predictedPoints()),
        p.line(),
        p.edge().isPresent() ? OptionalDouble.of(round(p.edge().getAsDouble())) : p.edge(),
        p.recommendation().name(),
        graded.actualPoints(),
        graded.outcome());
  }

  /** Four decimals: what the CSV and JSON files hold, so rows read back compare equal. */
  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  /** Whether a fallback answered instead of the model. */
  public boolean isFallback() {
    return !fallbackReason.isEmpty();
  }

  /** Whether the quality gate blocked the vector before the model saw it. */
  public boolean isBlocked() {
    return fallbackReason.equals("QUALITY_GATE_BLOCKED");
  }
}
