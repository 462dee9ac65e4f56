package io.github.courtside.testkit.schedule;

/**
 * A store failure planted in one schedule step: the {@code onWrite}-th write of the step (counting
 * from 0; creates and deletes) fails before the store runs it, or after it landed (a lost
 * acknowledgement).
 *
 * @param timing before or after the write
 * @param onWrite which write of the step fails
 */
public record Fault(Timing timing, int onWrite) {
  public Fault {
    if (onWrite < 0) {
      throw new IllegalArgumentException("onWrite must be >= 0, was " + onWrite);
    }
  }

  /** When the failure strikes. */
  public enum Timing {
    /** Before the write: nothing happened. */
    BEFORE_WRITE,
    /** After the write landed: the caller sees an error anyway. */
    AFTER_WRITE
  }
}
