package io.github.courtside.core.lock;

/**
 * What guarded work does when its lock cannot be acquired within the wait budget, chosen per use.
 *
 * <pre>{@code
 * locks.runLocked("grading-2024-04-10", AcquisitionFailurePolicy.PROCEED_UNLOCKED,
 *     lease -> grader.grade(date));
 * }</pre>
 */
public enum AcquisitionFailurePolicy {
  /** Throw {@link LockNotAcquiredException}; the work does not run (consolidation). */
  FAIL,
  /**
   * Emit a {@link LockEvent.Type#PROCEEDED_UNLOCKED} alert event, log an error and run the work
   * without a lease (the old grader's "graceful degradation"; concurrent runs become possible, so
   * use it only for work whose duplicates are repaired downstream).
   */
  PROCEED_UNLOCKED
}
