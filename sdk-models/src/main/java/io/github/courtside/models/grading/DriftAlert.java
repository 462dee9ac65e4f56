package io.github.courtside.models.grading;

import java.time.LocalDate;

/**
 * A rolling window of one system (model) whose hit rate is below the threshold with 95% confidence:
 * the Wilson interval's upper bound is below it.
 *
 * <pre>{@code
 * report.driftAlerts().forEach(a -> log.warn("hit rate {} over {}..{}", a.hitRate(),
 *     a.windowStart(), a.windowEnd()));
 * }</pre>
 *
 * @param windowStart the first day of the window
 * @param windowEnd the last day of the window
 * @param hitRate the window's hit rate
 * @param decidedPicks the window's wins plus losses
 * @param threshold the threshold it fell below
 * @param systemId the system (model id) whose window this is, "" when pooled
 * @param upperBound the upper bound of the window's 95% Wilson interval
 */
public record DriftAlert(
    LocalDate windowStart,
    LocalDate windowEnd,
    double hitRate,
    long decidedPicks,
    double threshold,
    String systemId,
    double upperBound) {

  /** A pooled alert on a point estimate (the pre-interval shape). */
  public DriftAlert(
      LocalDate windowStart,
      LocalDate windowEnd,
      double hitRate,
      long decidedPicks,
      double threshold) {
    this(windowStart, windowEnd, hitRate, decidedPicks, threshold, "", hitRate);
  }
}
