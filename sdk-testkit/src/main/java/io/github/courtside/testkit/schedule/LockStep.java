package io.github.courtside.testkit.schedule;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link LockSchedule}.
 *
 * @param action what happens
 * @param contender which contender acts (ignored by {@link Action#PAUSE})
 * @param pause how far a {@link Action#PAUSE} step moves the clock (zero otherwise)
 * @param fault the store failure planted in the step, if any
 */
public record LockStep(Action action, int contender, Duration pause, @Nullable Fault fault) {
  public LockStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(pause, "pause");
    if (pause.isNegative() || contender < 0) {
      throw new IllegalArgumentException("bad step: contender " + contender + ", pause " + pause);
    }
  }

  /** What a step does. */
  public enum Action {
    /** The contender tries once to acquire the lock. */
    ACQUIRE,
    /** The holder renews its lease. */
    RENEW,
    /** The holder checks its lease and writes to the fenced resource with its token. */
    WORK,
    /** The holder releases the lock. */
    RELEASE,
    /** The clock moves (a pause: a GC, a slow call, a suspended VM). */
    PAUSE
  }
}
