package io.github.courtside.models.grading;

import java.util.List;

/**
 * What {@link AccuracyMonitor#report} found: the overall summary, the daily series (with fallback
 * counts per day) and the drift alerts.
 *
 * <pre>{@code
 * AccuracyReport report = monitor.report(graded);
 * if (!report.driftAlerts().isEmpty()) {
 *   alerting.send(report.driftAlerts());
 * }
 * }</pre>
 *
 * @param overall the summary over all rows
 * @param daily one entry per game date, ascending
 * @param driftAlerts windows below the threshold, ascending by end date
 */
public record AccuracyReport(
    AccuracySummary overall, List<DailyAccuracy> daily, List<DriftAlert> driftAlerts) {
  public AccuracyReport {
    daily = List.copyOf(daily);
    driftAlerts = List.copyOf(driftAlerts);
  }
}
