package io.github.courtside.models.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.prediction.FallbackReason;
import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.Recommendation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GraderTest {
  static final LocalDate DAY = LocalDate.parse("2026-01-26");

  static Prediction pick(String player, LocalDate date, double predicted, double line) {
    double edge = predicted - line;
    return Prediction.builder()
        .playerLookup(player)
        .gameId("g-" + player)
        .gameDate(date)
        .predictedPoints(predicted)
        .line(line)
        .edge(edge)
        .recommendation(Recommendation.of(edge, 1.0))
        .confidence(0.8)
        .modelId("catboost_v9")
        .modelVersion("v1")
        .modelType(ModelType.CATBOOST)
        .createdAt(Instant.now())
        .build();
  }

  static Prediction fallback(String player, LocalDate date, double predicted, double line) {
    return pick(player, date, predicted, line).toBuilder()
        .recommendation(Recommendation.PASS)
        .confidence(0.5)
        .modelType(ModelType.WEIGHTED_AVERAGE_FALLBACK)
        .fallbackReason(FallbackReason.MODEL_PREDICTION_FAILED)
        .build();
  }

  @Test
  void outcomesFollowTheLineAndTheRecommendation() {
    GradingResult result =
        new Grader()
            .grade(
                List.of(
                    pick("over-win", DAY, 28, 24.5),
                    pick("over-loss", DAY, 28, 24.5),
                    pick("under-win", DAY, 18, 22.5),
                    pick("push", DAY, 28, 25.0),
                    pick("dnp", DAY, 28, 24.5),
                    pick("pass", DAY, 25, 24.5),
                    pick("placeholder", DAY, 25, 20.0).toBuilder()
                        .lineSource(Prediction.PLACEHOLDER_LINE)
                        .build(),
                    pick("real-twenty", DAY, 25, 20.0)),
                List.of(
                    ActualResult.played("over-win", "g-over-win", 30, 35),
                    ActualResult.played("over-loss", "g-over-loss", 20, 35),
                    ActualResult.played("under-win", "g-under-win", 15, 30),
                    ActualResult.played("push", "g-push", 25, 30),
                    ActualResult.didNotPlay("dnp", "g-dnp"),
                    ActualResult.played("pass", "g-pass", 30, 30),
                    ActualResult.played("placeholder", "g-placeholder", 30, 30),
                    ActualResult.played("real-twenty", "g-real-twenty", 30, 30)));
    List<Outcome> outcomes = result.rows().stream().map(GradedPrediction::outcome).toList();
    assertEquals(
        List.of(
            Outcome.WIN,
            Outcome.LOSS,
            Outcome.WIN,
            Outcome.PUSH,
            Outcome.VOID,
            Outcome.PASS,
            Outcome.WIN),
        outcomes,
        "a real line of 20.0 is graded; the placeholder is known by its source");
    assertEquals(1, result.placeholderLinesSkipped());
    assertEquals(-2.0, result.rows().get(0).signedError().orElseThrow(), "under-predicted by 2");
    assertTrue(result.rows().get(4).absoluteError().isEmpty());
  }

  @Test
  void zeroPointsWithoutMinutesIsAVoid() {
    ActualResult zero =
        new ActualResult("p", "g", OptionalDouble.of(0), OptionalDouble.empty(), false);
    assertTrue(zero.isVoid());
    assertTrue(!ActualResult.played("p", "g", 0, 12).isVoid());
  }

  @Test
  void I30_duplicatePredictionsAreGradedOnce() {
    List<Prediction> predictions = new ArrayList<>();
    java.time.Instant t0 = java.time.Instant.parse("2026-01-26T15:00:00Z");
    for (int copy = 0; copy < 5; copy++) {
      // Listed newest first: the order disagrees with createdAt.
      predictions.add(
          pick("edwards", DAY, 34 - copy, 27.5).toBuilder()
              .createdAt(t0.minusSeconds(copy))
              .build());
    }
    GradingResult result =
        new Grader()
            .grade(predictions, List.of(ActualResult.played("edwards", "g-edwards", 35, 38)));
    assertEquals(1, result.rows().size());
    assertEquals(4, result.duplicatesDropped());
    assertEquals(34.0, result.rows().get(0).prediction().predictedPoints(), "the newest wins");
  }

  @Test
  void I5_hitRateCountsOverAndUnderPicksOnly() {
    // Jan 26 shape: 53 correct picks, 47 wrong, and 330 PASS rows from a fallback period.
    List<Prediction> predictions = new ArrayList<>();
    List<ActualResult> actuals = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      predictions.add(pick("p" + i, DAY, 28, 24.5));
      actuals.add(ActualResult.played("p" + i, "g-p" + i, i < 53 ? 30 : 20, 30));
    }
    for (int i = 0; i < 330; i++) {
      predictions.add(fallback("f" + i, DAY, 20, 19.5));
      actuals.add(ActualResult.played("f" + i, "g-f" + i, 25, 30));
    }
    AccuracySummary summary = AccuracySummary.of(new Grader().grade(predictions, actuals).rows());
    assertEquals(0.53, summary.hitRate().orElseThrow(), 1e-12);
    assertEquals(330, summary.passes());
    assertEquals(330, summary.fallbacks());
    // The faulty formula would have been 53 / 430 = 12.3%.
    assertTrue(summary.hitRate().orElseThrow() > AccuracyMonitor.BREAK_EVEN_AT_MINUS_110);
  }

  @Test
  void breakEvenAtMinus110() {
    assertEquals(0.5238, AccuracyMonitor.BREAK_EVEN_AT_MINUS_110, 1e-4);
    List<Prediction> predictions = new ArrayList<>();
    List<ActualResult> actuals = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      predictions.add(pick("p" + i, DAY, 28, 24.5));
      actuals.add(ActualResult.played("p" + i, "g-p" + i, i < 11 ? 30 : 20, 30));
    }
    AccuracySummary summary = AccuracySummary.of(new Grader().grade(predictions, actuals).rows());
    assertEquals((11 * 100.0 / 110 - 10) / 21, summary.roi().orElseThrow(), 1e-12);
  }
}
