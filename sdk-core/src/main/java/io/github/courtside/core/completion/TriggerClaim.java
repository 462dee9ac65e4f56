package io.github.courtside.core.completion;

import java.time.Instant;
import java.util.Objects;

/**
 * The duty, handed to exactly one caller per trigger, to run what follows a closed batch
 * (consolidation) and then {@linkplain CompletionTracker#markConsumed mark the batch consumed}.
 *
 * <p>"Batch complete" is delivered at least once: the caller that closes a batch gets the first
 * claim ({@link #attempt()} 0, written into the closure document as {@code claim_id}); when a batch
 * that closed is still not consumed {@link CompletionTrackerConfig#retriggerAfter()} later, the
 * next record call or stall check claims a retrigger ({@link RecordOutcome.Status#RETRIGGER},
 * attempt 1, 2, ...; one claim per grace period). What follows must therefore be idempotent, as the
 * consolidator is.
 *
 * <pre>{@code
 * RecordOutcome outcome = tracker.record(batch, player, Completion.rows(3));
 * if (outcome.isTrigger()) {
 *   consolidator.consolidate(batchId, day);              // idempotent
 *   tracker.markConsumed(outcome.claim().orElseThrow()); // only after it succeeded
 * }
 * }</pre>
 *
 * @param batch the closed batch
 * @param id a unique id of this claim, as written in the claim's document
 * @param attempt 0 for the closure itself, n for the n-th grace period's retrigger
 * @param reason why the batch closed
 * @param claimedAt when the claim was written, by the claiming caller's clock
 */
public record TriggerClaim(
    BatchId batch, String id, long attempt, CloseReason reason, Instant claimedAt) {

  public TriggerClaim {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(claimedAt, "claimedAt");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
    }
  }

  /** Whether this claim re-delivers a trigger whose earlier delivery was not consumed. */
  public boolean isRetrigger() {
    return attempt > 0;
  }
}
