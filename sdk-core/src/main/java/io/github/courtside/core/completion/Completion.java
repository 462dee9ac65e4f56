package io.github.courtside.core.completion;

import java.util.Objects;
import java.util.Optional;

/**
 * What a worker reports with an item's completion: how many rows it wrote, where (its staging
 * table), or that the item was skipped for good. A skip is a zero-count completion, so batches with
 * permanently skipped items still finish (I-20).
 *
 * <pre>{@code
 * tracker.record(batch, "lebronjames", Completion.staged(12, "_staging_b1_w7"));
 * tracker.record(batch, "injuredplayer", Completion.skipped("no line published"));
 * }</pre>
 *
 * @param rowCount rows written for the item (zero for skips)
 * @param stagingTable where the rows were written, if anywhere
 * @param skipReason why the item was skipped, for skips
 */
public record Completion(
    long rowCount, Optional<String> stagingTable, Optional<String> skipReason) {

  public Completion {
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must not be negative: " + rowCount);
    }
    Objects.requireNonNull(stagingTable, "stagingTable");
    Objects.requireNonNull(skipReason, "skipReason");
    if (skipReason.isPresent() && rowCount != 0) {
      throw new IllegalArgumentException("a skipped item has no rows, got " + rowCount);
    }
  }

  /** Done, with no payload. */
  public static Completion done() {
    return new Completion(0, Optional.empty(), Optional.empty());
  }

  /** Done, having written {@code rowCount} rows. */
  public static Completion rows(long rowCount) {
    return new Completion(rowCount, Optional.empty(), Optional.empty());
  }

  /** Done, having written {@code rowCount} rows into {@code stagingTable}. */
  public static Completion staged(long rowCount, String stagingTable) {
    return new Completion(rowCount, Optional.of(stagingTable), Optional.empty());
  }

  /** Permanently skipped: recorded as a zero-count completion. */
  public static Completion skipped(String reason) {
    return new Completion(0, Optional.empty(), Optional.of(reason));
  }

  /** Whether this is a permanent skip. */
  public boolean isSkipped() {
    return skipReason.isPresent();
  }
}
