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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grading that can be trusted: dedupe by creation time, placeholders by source, per-system
 * monitoring with model-only MAE, Wilson intervals and alerts on the upper bound, ROI with pushes.
 */
class TrustedGradingTest {
  private static final LocalDate DAY = LocalDate.parse("2026-01-26");
  private static final Instant T0 = Instant.parse("2026-01-26T15:00:00Z");

  static Prediction pick(String system, String player, double predicted, double line) {
    double edge = predicted - line;
    return Prediction.builder()
        .playerLookup(player)
        .gameId("g-" + player)
        .gameDate(DAY)
        .predictedPoints(predicted)
        .line(line)
        .edge(edge)
        .recommendation(Recommendation.of(edge, 1.0))
        .confidence(0.8)
        .modelId(system)
        .modelVersion("v1")
        .modelType(ModelType.CATBOOST)
        .createdAt(Instant.now())
        .build();
  }

  static Prediction fallback(String system, String player, double predicted, double line) {
    return pick(system, player, predicted, line).toBuilder()
        .recommendation(Recommendation.PASS)
        .confidence(0.5)
        .modelType(ModelType.WEIGHTED_AVERAGE_FALLBACK)
        .fallbackReason(FallbackReason.MODEL_PREDICTION_FAILED)
        .build();
  }

  @Test
  void theNewestByCreatedAtWinsWhateverTheInputOrder() {
    Prediction newer = pick("v9", "a", 30, 20.5).toBuilder().createdAt(T0.plusSeconds(600)).build();
    Prediction older = pick("v9", "a", 10, 20.5).toBuilder().createdAt(T0).build();
    List<ActualResult> actual = List.of(ActualResult.played("a", "g-a", 25, 30));
    for (List<Prediction> order : List.of(List.of(newer, older), List.of(older, newer))) {
      GradingResult result = new Grader().grade(order, actual);
      assertEquals(1, result.rows().size());
      assertEquals(1, result.duplicatesDropped());
      assertEquals(30.0, result.rows().get(0).prediction().predictedPoints(), order.toString());
      assertEquals(Outcome.WIN, result.rows().get(0).outcome());
    }
  }

  @Test
  void placeholderLinesAreIdentifiedByTheirSourceNotTheValue20() {
    Prediction realTwenty = pick("v9", "a", 25, 20.0).toBuilder().createdAt(T0).build();
    Prediction placeholder =
        pick("v9", "b", 25, 22.5).toBuilder()
            .createdAt(T0)
            .lineSource(Prediction.PLACEHOLDER_LINE)
            .build();
    GradingResult result =
        new Grader()
            .grade(
                List.of(realTwenty, placeholder),
                List.of(
                    ActualResult.played("a", "g-a", 26, 30),
                    ActualResult.played("b", "g-b", 26, 30)));
    assertEquals(1, result.placeholderLinesSkipped());
    assertEquals(1, result.rows().size());
    assertEquals("a", result.rows().get(0).prediction().playerLookup());
    assertEquals(Outcome.WIN, result.rows().get(0).outcome());
  }

  private static List<GradedPrediction> graded(String system, int wins, int losses, int pushes) {
    List<GradedPrediction> rows = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < wins; i++) {
      rows.add(
          Grader.grade(
              pick(system, "w" + n, 25, 20.5), ActualResult.played("w" + n++, "g", 22, 30)));
    }
    for (int i = 0; i < losses; i++) {
      rows.add(
          Grader.grade(
              pick(system, "l" + n, 25, 20.5), ActualResult.played("l" + n++, "g", 18, 30)));
    }
    for (int i = 0; i < pushes; i++) {
      rows.add(
          Grader.grade(
              pick(system, "p" + n, 25, 20.0), ActualResult.played("p" + n++, "g", 20, 30)));
    }
    return rows;
  }

  @Test
  void roiCountsPushesInTheDenominator() {
    AccuracySummary summary = AccuracySummary.of(graded("v9", 5, 5, 2));
    assertEquals(2, summary.pushes());
    assertEquals((5 * (100.0 / 110.0) - 5) / 12, summary.roi().orElseThrow(), 1e-12);
    assertEquals(0.5, summary.hitRate().orElseThrow());
  }

  @Test
  void hitRateCarriesAWilson95IntervalNextToBreakEven() {
    AccuracySummary summary = AccuracySummary.of(graded("v9", 17, 12, 0));
    HitRateInterval interval = summary.hitRateInterval().orElseThrow();
    assertEquals(0.4070, interval.lower(), 5e-4);
    assertEquals(0.7452, interval.upper(), 5e-4);
    assertEquals(0.5238, summary.breakEven(), 1e-4);
    assertTrue(interval.lower() < summary.breakEven() && interval.upper() > summary.breakEven());
  }

  @Test
  void meanAbsoluteErrorIsOverModelPredictionsOnly() {
    List<GradedPrediction> rows = new ArrayList<>();
    rows.add(Grader.grade(pick("v9", "a", 25, 20.5), ActualResult.played("a", "g", 23, 30)));
    rows.add(Grader.grade(fallback("v9", "b", 5, 20.5), ActualResult.played("b", "g", 35, 30)));
    AccuracySummary summary = AccuracySummary.of(rows);
    assertEquals(2.0, summary.meanAbsoluteError().orElseThrow(), 1e-12);
    assertEquals(1, summary.fallbacks());
  }

  @Test
  void theMonitorReportsAndAlertsPerSystem() {
    List<GradedPrediction> rows = new ArrayList<>();
    rows.addAll(graded("good", 90, 60, 0));
    rows.addAll(graded("bad", 50, 100, 0));
    AccuracyMonitor monitor = new AccuracyMonitor(AccuracyMonitorConfig.defaults());
    Map<String, AccuracyReport> bySystem = monitor.reportBySystem(rows);
    assertEquals(List.of("bad", "good"), List.copyOf(bySystem.keySet()));
    assertEquals(0.6, bySystem.get("good").overall().hitRate().orElseThrow(), 1e-12);
    assertEquals(List.of(), bySystem.get("good").driftAlerts());
    assertEquals(1, bySystem.get("bad").driftAlerts().size());
    DriftAlert alert = monitor.report(rows).driftAlerts().get(0);
    assertEquals("bad", alert.systemId(), "pooled 140/300 = 46.7% would hide which system failed");
    assertTrue(alert.upperBound() < AccuracyMonitor.BREAK_EVEN_AT_MINUS_110);
  }

  @Test
  void alertsNeedTheIntervalsUpperBoundBelowBreakEvenAndAMinimumSample() {
    AccuracyMonitor monitor = new AccuracyMonitor(AccuracyMonitorConfig.defaults());
    // 45% over 60 picks: the point estimate is below break-even, the interval is not.
    assertEquals(List.of(), monitor.report(graded("v9", 27, 33, 0)).driftAlerts());
    // 0 of 30: far below, but below the minimum sample of 50.
    assertEquals(List.of(), monitor.report(graded("v9", 0, 30, 0)).driftAlerts());
    // 40% over 200 picks: upper bound about 47%.
    List<DriftAlert> alerts = monitor.report(graded("v9", 80, 120, 0)).driftAlerts();
    assertEquals(1, alerts.size());
    assertEquals(0.4, alerts.get(0).hitRate(), 1e-12);
    assertEquals(200, alerts.get(0).decidedPicks());
  }
}
