package io.github.courtside.core.completion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch's progress: expected, completed (skips included), missing items, when it started, when an
 * item was last recorded and whether it closed.
 *
 * <pre>{@code
 * BatchProgress progress = tracker.progress(batch);
 * log.info("{} of {} ({}), missing {}", progress.completed(), progress.expected(),
 *     progress.fraction(), progress.missing());
 * }</pre>
 *
 * @param batch the batch
 * @param startedAt when it started
 * @param expected how many items it expects
 * @param completed how many were recorded, skips included
 * @param skipped how many of those were skips
 * @param rows the rows reported over all recorded items
 * @param missing the expected items not yet recorded, sorted
 * @param lastProgressAt when the newest record was made, if any
 * @param closure how it closed, if it did
 */
public record BatchProgress(
    BatchId batch,
    Instant startedAt,
    long expected,
    long completed,
    long skipped,
    long rows,
    List<String> missing,
    Optional<Instant> lastProgressAt,
    Optional<BatchClosure> closure) {

  public BatchProgress {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(startedAt, "startedAt");
    missing = List.copyOf(missing);
    Objects.requireNonNull(lastProgressAt, "lastProgressAt");
    Objects.requireNonNull(closure, "closure");
  }

  /** Completed over expected, between 0 and 1 (1 for an empty batch). */
  public double fraction() {
    return expected == 0 ? 1.0 : (double) completed / expected;
  }

  /** Whether the batch closed. */
  public boolean isClosed() {
    return closure.isPresent();
  }
}
