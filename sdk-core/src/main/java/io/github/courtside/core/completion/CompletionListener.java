package io.github.courtside.core.completion;

/**
 * Hears what a {@link CompletionTracker} does, for metrics and alerts; {@link
 * MicrometerCompletionMetrics} records it in a Micrometer registry. Methods run on the recording
 * thread and must be quick; an exception thrown by a listener is logged and otherwise ignored.
 *
 * <pre>{@code
 * CompletionTrackerConfig.builder()
 *     .listener(new MicrometerCompletionMetrics(meterRegistry))
 *     .build();
 * }</pre>
 */
public interface CompletionListener {
  /** A listener that ignores everything. */
  CompletionListener NONE = new CompletionListener() {};

  /**
   * A {@link CompletionTracker#record} call returned {@code outcome} (recorded, completed the
   * batch, duplicate, late, retrigger or unknown batch).
   */
  default void recorded(RecordOutcome outcome) {}

  /** This tracker closed {@code closure}'s batch. */
  default void batchClosed(BatchClosure closure) {}

  /**
   * A closed batch was not consumed within the grace period and {@code claim} triggers it again;
   * {@code source} is {@code record} or {@code stall-check}.
   */
  default void retriggered(TriggerClaim claim, String source) {}

  /** A batch was marked consumed with {@code claim}. */
  default void consumed(TriggerClaim claim) {}
}
