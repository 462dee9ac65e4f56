package io.github.courtside.models.grading;

import java.time.LocalDate;

/**
 * A rolling window whose hit rate fell below the threshold.
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
 */
public record DriftAlert(
    LocalDate windowStart,
    LocalDate windowEnd,
    double hitRate,
    long decidedPicks,
    double threshold) {}
