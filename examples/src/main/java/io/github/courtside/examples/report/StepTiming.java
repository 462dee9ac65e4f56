package io.github.courtside.examples.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How long one consolidation step took on one game date.
 *
 * <pre>{@code
 * new StepTiming(LocalDate.parse("2024-03-01"), "MERGED", 118);
 * }</pre>
 *
 * @param gameDate the batch's game date
 * @param step the consolidation step (PLANNED, MERGED, VERIFIED, ...)
 * @param millis its duration in milliseconds
 */
public record StepTiming(LocalDate gameDate, String step, long millis) {
  public StepTiming {
    Objects.requireNonNull(gameDate, "gameDate");
    Objects.requireNonNull(step, "step");
    if (millis < 0) {
      throw new IllegalArgumentException("a step cannot take negative time: " + millis);
    }
  }
}
