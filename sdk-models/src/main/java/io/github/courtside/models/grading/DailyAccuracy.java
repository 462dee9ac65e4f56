package io.github.courtside.models.grading;

import java.time.LocalDate;

/**
 * One day of an {@link AccuracyReport}'s series.
 *
 * <pre>{@code
 * report.daily().forEach(d -> log.info("{}: {} fallbacks", d.date(), d.summary().fallbacks()));
 * }</pre>
 *
 * @param date the game date
 * @param summary that day's counts and rates
 */
public record DailyAccuracy(LocalDate date, AccuracySummary summary) {}
