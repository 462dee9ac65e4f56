package io.github.courtside.core.completion;

import java.time.Instant;
import java.util.Objects;

/**
 * How and when a batch closed, with the counts at that moment.
 *
 * <pre>{@code
 * tracker.closeIfStalled(batch).ifPresent(closure -> consolidator.consolidate(closure.batch()));
 * }</pre>
 *
 * @param batch the batch
 * @param reason why it closed
 * @param closedAt when, by the closing caller's clock
 * @param completed items recorded when it closed (as seen by the closing caller)
 * @param expected items expected
 */
public record BatchClosure(
    BatchId batch, CloseReason reason, Instant closedAt, long completed, long expected) {

  public BatchClosure {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(closedAt, "closedAt");
  }
}
