package io.github.courtside.testkit.schedule;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link CompletionSchedule}.
 *
 * @param action what happens
 * @param item the item a {@link Action#RECORD} step completes ("" otherwise)
 * @param pause how far a {@link Action#PAUSE} step moves the clock (zero otherwise)
 * @param fault the store failure planted in the step, if any
 * @param consolidationFails whether the consolidation a trigger of this step starts fails (the
 *     batch is then not marked consumed, and must be triggered again)
 * @param redeliverAfter how many steps later a failed record's message is redelivered
 */
public record CompletionStep(
    Action action,
    String item,
    Duration pause,
    @Nullable Fault fault,
    boolean consolidationFails,
    int redeliverAfter) {

  public CompletionStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(pause, "pause");
    if (pause.isNegative()) {
      throw new IllegalArgumentException("a pause cannot be negative: " + pause);
    }
    if (redeliverAfter < 1) {
      throw new IllegalArgumentException("redeliverAfter must be >= 1, was " + redeliverAfter);
    }
  }

  /** What a step does. */
  public enum Action {
    /** A worker's completion message for the item: the first delivery or a duplicate. */
    RECORD,
    /** The scheduler's stall check ({@code closeIfStalled}). */
    STALL_CHECK,
    /** The clock moves (a pause, a slow worker). */
    PAUSE
  }
}
