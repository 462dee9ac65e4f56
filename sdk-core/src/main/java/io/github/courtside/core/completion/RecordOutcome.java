package io.github.courtside.core.completion;

import java.util.Objects;

/**
 * What {@link CompletionTracker#record} did: a typed answer rather than the old boolean, which
 * could not tell "not complete yet" from "failed" (I-7).
 *
 * <pre>{@code
 * RecordOutcome outcome = tracker.record(batch, player, Completion.rows(12));
 * switch (outcome.status()) {
 *   case COMPLETED_BATCH -> consolidator.consolidate(batch);
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
 */
public record RecordOutcome(
    Status status, BatchId batch, String item, long completed, long expected) {

  public RecordOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(item, "item");
  }

  /** Whether this call won the batch's single "batch complete" trigger. */
  public boolean completedBatch() {
    return status == Status.COMPLETED_BATCH;
  }

  /** Whether the item's completion is on record (new, duplicate or late). */
  public boolean isRecorded() {
    return status != Status.NOT_EXPECTED && status != Status.UNKNOWN_BATCH;
  }

  /** Outcomes of a record call. */
  public enum Status {
    /** Newly recorded; the batch is still open. */
    RECORDED,
    /** Recorded, and this call closed the batch: the caller, and only it, triggers what follows. */
    COMPLETED_BATCH,
    /** Already recorded before (a redelivery or duplicate); counted once. */
    DUPLICATE,
    /**
     * Newly recorded after the batch had closed (stalled, timed out or reset); it never triggers.
     */
    LATE,
    /** The item is not one of the batch's expected items; nothing was recorded. */
    NOT_EXPECTED,
    /** No such batch exists; nothing was recorded. */
    UNKNOWN_BATCH
  }
}
