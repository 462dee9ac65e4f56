package io.github.courtside.testkit.schedule;

import java.time.Duration;
import java.util.List;

/**
 * Contenders for one lock, each with its own clock skew, and the events they go through.
 *
 * @param skews each contender's clock offset from the schedule's time (the list's size is the
 *     number of contenders)
 * @param steps the events, in order
 */
public record LockSchedule(List<Duration> skews, List<LockStep> steps) {
  public LockSchedule {
    skews = List.copyOf(skews);
    steps = List.copyOf(steps);
    if (skews.isEmpty()) {
      throw new IllegalArgumentException("a lock schedule needs at least one contender");
    }
    for (LockStep step : steps) {
      if (step.contender() >= skews.size()) {
        throw new IllegalArgumentException("step " + step + " names an unknown contender");
      }
    }
  }

  /** The number of contenders. */
  public int contenders() {
    return skews.size();
  }
}
