package io.github.courtside.core.completion;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How and when a batch closed, with the counts at that moment.
 *
 * <pre>{@code
 * tracker.closeIfStalled(batch).ifPresent(closure -> {
 *   consolidator.consolidate(batchId, day);
 *   closure.claim().ifPresent(tracker::markConsumed);
 * });
 * }</pre>
 *
 * @param batch the batch
 * @param reason why it closed
 * @param closedAt when, by the closing caller's clock
 * @param completed items recorded when it closed (as seen by the closing caller)
 * @param expected items expected
 * @param claim present when the call that returned this closure must trigger what follows (it
 *     closed the batch, or claimed a retrigger of a batch nobody consumed) and then pass the claim
 *     to {@link CompletionTracker#markConsumed}; empty for closures that were only read, and for
 *     {@link CloseReason#RESET} and {@link CloseReason#NO_ITEMS}, which never trigger
 */
public record BatchClosure(
    BatchId batch,
    CloseReason reason,
    Instant closedAt,
    long completed,
    long expected,
    Optional<TriggerClaim> claim) {

  public BatchClosure {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(claim, "claim");
  }

  /** A closure without a trigger claim. */
  public BatchClosure(
      BatchId batch, CloseReason reason, Instant closedAt, long completed, long expected) {
    this(batch, reason, closedAt, completed, expected, Optional.empty());
  }

  /** This closure with {@code claim}. */
  BatchClosure withClaim(TriggerClaim claim) {
    return new BatchClosure(batch, reason, closedAt, completed, expected, Optional.of(claim));
  }

  /** This closure without a claim (as stored, for readers). */
  BatchClosure withoutClaim() {
    return claim.isEmpty()
        ? this
        : new BatchClosure(batch, reason, closedAt, completed, expected, Optional.empty());
  }
}
