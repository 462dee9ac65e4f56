package io.github.courtside.models.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.prediction.Prediction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyMonitorTest {

  /** {@code wins} of 40 picks right on {@code date}, plus {@code fallbacks} fallback rows. */
  private static void day(
      LocalDate date,
      int wins,
      int fallbacks,
      List<Prediction> predictions,
      List<ActualResult> actuals) {
    for (int i = 0; i < 40; i++) {
      String player = date + "-p" + i;
      predictions.add(GraderTest.pick(player, date, 28, 24.5));
      actuals.add(ActualResult.played(player, "g-" + player, i < wins ? 30 : 20, 30));
    }
    for (int i = 0; i < fallbacks; i++) {
      String player = date + "-f" + i;
      predictions.add(GraderTest.fallback(player, date, 20, 19.5));
      actuals.add(ActualResult.played(player, "g-" + player, 22, 30));
    }
  }

  @Test
  void dailySeriesFallbackCountsAndDriftAlert() {
    List<Prediction> predictions = new ArrayList<>();
    List<ActualResult> actuals = new ArrayList<>();
    LocalDate start = LocalDate.parse("2026-01-20");
    for (int d = 0; d < 10; d++) {
      int wins = d < 5 ? 24 : 14; // 60% then 35%
      day(start.plusDays(d), wins, d >= 5 ? 100 : 0, predictions, actuals);
    }
    AccuracyMonitor monitor =
        new AccuracyMonitor(AccuracyMonitorConfig.builder().windowDays(3).minimumPicks(60).build());
    AccuracyReport report = monitor.report(new Grader().grade(predictions, actuals).rows());
    assertEquals(10, report.daily().size());
    assertEquals(0, report.daily().get(4).summary().fallbacks());
    assertEquals(100, report.daily().get(5).summary().fallbacks());
    assertEquals(0.6, report.daily().get(0).summary().hitRate().orElseThrow(), 1e-12);
    // The window ending on day 5 (24+24+14 of 120 = 51.7%) is below break-even only as a point
    // estimate (95% upper bound 60.4%): no alert. From day 6 (52 of 120, upper bound 52.27%) on,
    // the whole interval is below.
    assertEquals(start.plusDays(6), report.driftAlerts().get(0).windowEnd());
    assertEquals(start.plusDays(4), report.driftAlerts().get(0).windowStart());
    assertEquals(4, report.driftAlerts().size());
    assertEquals(0.5227, report.driftAlerts().get(0).upperBound(), 1e-4);
    assertTrue(report.driftAlerts().stream().allMatch(a -> a.upperBound() < a.threshold()));
    assertTrue(report.driftAlerts().stream().allMatch(a -> a.systemId().equals("catboost_v9")));
    assertEquals(400, report.overall().decided());
    assertEquals(500, report.overall().fallbacks());
    assertEquals(500, report.overall().passes());
  }

  @Test
  void fewPicksNeverAlert() {
    List<Prediction> predictions = new ArrayList<>();
    List<ActualResult> actuals = new ArrayList<>();
    day(LocalDate.parse("2026-01-20"), 0, 0, predictions, actuals);
    AccuracyReport report =
        new AccuracyMonitor(AccuracyMonitorConfig.builder().minimumPicks(41).build())
            .report(new Grader().grade(predictions, actuals).rows());
    assertTrue(report.driftAlerts().isEmpty());
    assertEquals(0.0, report.overall().hitRate().orElseThrow());
  }
}
