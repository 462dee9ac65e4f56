package io.github.courtside.models.grading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accuracy over time: hit rate over OVER/UNDER picks only (never PASS rows, spec-ml §4.4), a daily
 * series with fallback counts per day, and drift alerts when a rolling window's hit rate falls
 * below a threshold (the break-even 52.38% at -110 by default).
 *
 * <pre>{@code
 * AccuracyMonitor monitor = new AccuracyMonitor(AccuracyMonitorConfig.defaults());
 * AccuracyReport report = monitor.report(grader.grade(predictions, actuals).rows());
 * double hitRate = report.overall().hitRate().orElse(Double.NaN);
 * }</pre>
 */
public final class AccuracyMonitor {
  /** The hit rate that breaks even at -110 odds: 1 / (1 + 100/110) = 52.38%. */
  public static final double BREAK_EVEN_AT_MINUS_110 = 1.0 / (1.0 + 100.0 / 110.0);

  private static final Logger LOG = LoggerFactory.getLogger(AccuracyMonitor.class);
  private final AccuracyMonitorConfig config;

  /** A monitor with this configuration. */
  public AccuracyMonitor(AccuracyMonitorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The report over these graded rows: the pooled summary and daily series, and drift alerts per
   * system (model id) — systems are never pooled for alerting.
   */
  public AccuracyReport report(List<GradedPrediction> rows) {
    List<DriftAlert> alerts = new ArrayList<>();
    reportBySystem(rows).values().forEach(report -> alerts.addAll(report.driftAlerts()));
    alerts.sort(
        java.util.Comparator.comparing(DriftAlert::windowEnd).thenComparing(DriftAlert::systemId));
    return new AccuracyReport(AccuracySummary.of(rows), daily(rows), alerts);
  }

  /** One report per system (model id), in id order. */
  public Map<String, AccuracyReport> reportBySystem(List<GradedPrediction> rows) {
    Map<String, List<GradedPrediction>> bySystem = new TreeMap<>();
    for (GradedPrediction row : rows) {
      bySystem.computeIfAbsent(row.prediction().modelId(), k -> new ArrayList<>()).add(row);
    }
    Map<String, AccuracyReport> reports = new LinkedHashMap<>();
    bySystem.forEach(
        (system, systemRows) -> {
          List<DailyAccuracy> daily = daily(systemRows);
          reports.put(
              system,
              new AccuracyReport(AccuracySummary.of(systemRows), daily, alerts(system, daily)));
        });
    return reports;
  }

  private static List<DailyAccuracy> daily(List<GradedPrediction> rows) {
    Map<LocalDate, List<GradedPrediction>> byDay = new TreeMap<>();
    for (GradedPrediction row : rows) {
      byDay.computeIfAbsent(row.prediction().gameDate(), d -> new ArrayList<>()).add(row);
    }
    List<DailyAccuracy> daily = new ArrayList<>();
    byDay.forEach((day, dayRows) -> daily.add(new DailyAccuracy(day, AccuracySummary.of(dayRows))));
    return daily;
  }

  private List<DriftAlert> alerts(String system, List<DailyAccuracy> daily) {
    List<DriftAlert> alerts = new ArrayList<>();
    for (DailyAccuracy last : daily) {
      LocalDate end = last.date();
      LocalDate start = end.minusDays(config.windowDays() - 1L);
      long wins = 0;
      long decided = 0;
      for (DailyAccuracy day : daily) {
        if (!day.date().isBefore(start) && !day.date().isAfter(end)) {
          wins += day.summary().wins();
          decided += day.summary().decided();
        }
      }
      if (decided < config.minimumPicks()) {
        continue;
      }
      HitRateInterval interval = HitRateInterval.wilson95(wins, decided);
      if (interval.entirelyBelow(config.threshold())) {
        alerts.add(
            new DriftAlert(
                start,
                end,
                interval.hitRate(),
                decided,
                config.threshold(),
                system,
                interval.upper()));
        LOG.warn(
            "ACCURACY_DRIFT system={} hit rate {} (95% CI upper {}) over {}..{} ({} picks) below {}",
            system, interval.hitRate(), interval.upper(), start, end, decided, config.threshold());
      }
    }
    return alerts;
  }
}
