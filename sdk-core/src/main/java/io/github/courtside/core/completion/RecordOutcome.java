package io.github.courtside.core.completion;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CompletionTracker#record} did: a typed answer rather than the old boolean, which
 * could not tell "not complete yet" from "failed" (I-7).
 *
 * <pre>{@code
 * RecordOutcome outcome = tracker.record(batch, player, Completion.rows(12));
 * switch (outcome.status()) {
 *   case COMPLETED_BATCH, RETRIGGER -> {
 *     consolidator.consolidate(batchId, day);              // idempotent
 *     tracker.markConsumed(outcome.claim().orElseThrow());
 *   }
 *   case NOT_EXPECTED, UNKNOWN_BATCH -> log.warn("dropping {}", outcome);
 *   default -> { }
 * }
 * }</pre>
 *
 * @param status what happened
 * @param batch the batch addressed
 * @param item the item addressed
 * @param completed items recorded in the batch, as counted by this call (0 for an unknown batch)
 * @param expected items the batch expects (0 for an unknown batch)
 * @param claim for {@link Status#COMPLETED_BATCH} and {@link Status#RETRIGGER}: the claim to pass
 *     to {@link CompletionTracker#markConsumed} once what follows succeeded; empty otherwise
 */
public record RecordOutcome(
    Status status,
    BatchId batch,
    String item,
    long completed,
    long expected,
    Optional<TriggerClaim> claim) {

  public RecordOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(claim, "claim");
    if (claim.isPresent() != (status == Status.COMPLETED_BATCH || status == Status.RETRIGGER)) {
      throw new IllegalArgumentException(
          "a claim comes with COMPLETED_BATCH and RETRIGGER only, not with " + status);
    }
  }

  /** An outcome without a trigger claim. */
  public RecordOutcome(Status status, BatchId batch, String item, long completed, long expected) {
    this(status, batch, item, completed, expected, Optional.empty());
  }

  /** Whether this call won the batch's single closing "batch complete" trigger. */
  public boolean completedBatch() {
    return status == Status.COMPLETED_BATCH;
  }

  /**
   * Whether the caller must trigger what follows (consolidation) and then mark the batch consumed
   * with {@link #claim()}: {@link Status#COMPLETED_BATCH} or {@link Status#RETRIGGER}.
   */
  public boolean isTrigger() {
    return claim.isPresent();
  }

  /** Whether the item's completion is on record (new, duplicate, late or retriggering). */
  public boolean isRecorded() {
    return status != Status.NOT_EXPECTED && status != Status.UNKNOWN_BATCH;
  }

  /** Outcomes of a record call. */
  public enum Status {
    /** Newly recorded; the batch is still open. */
    RECORDED,
    /**
     * Recorded, and this call closed the batch: the caller, and only it, triggers what follows and
     * then marks the batch consumed with {@link RecordOutcome#claim()}.
     */
    COMPLETED_BATCH,
    /** Already recorded before (a redelivery or duplicate); counted once. */
    DUPLICATE,
    /**
     * Newly recorded after the batch had closed (stalled, timed out or reset); it never triggers.
     */
    LATE,
    /**
     * The item is on record (new, duplicate or late) and the batch closed, but nobody marked it
     * consumed within {@link CompletionTrackerConfig#retriggerAfter()}: the trigger was lost (the
     * closing call failed after its write landed, its caller crashed, or what followed threw). This
     * call claimed the trigger again: consolidate (idempotently) and mark the batch consumed with
     * {@link RecordOutcome#claim()}. At most one call per grace period gets it.
     */
    RETRIGGER,
    /** The item is not one of the batch's expected items; nothing was recorded. */
    NOT_EXPECTED,
    /** No such batch exists; nothing was recorded. */
    UNKNOWN_BATCH
  }
}
