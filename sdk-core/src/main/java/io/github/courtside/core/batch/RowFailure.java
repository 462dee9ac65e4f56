package io.github.courtside.core.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * One row that a sink could not write inside an otherwise accepted request (BigQuery's {@code
 * insertErrors}), or a row of a request that failed after others of the same call were written.
 *
 * <pre>{@code
 * return SinkResult.withFailures(List.of(
 *     RowFailure.permanent(record.id(), "no such field: vegas_line_source"),
 *     RowFailure.causedBy(other.id(), "AppendRows failed", true, ambiguousWriteException)));
 * }</pre>
 *
 * @param recordId the {@link BatchRecord#id()} of the failed row
 * @param reason what the backend said
 * @param retryable whether sending the row again may succeed
 * @param cause the request failure behind the row's failure, if any: an {@link
 *     AmbiguousWriteException} naming the row keeps it marked ambiguous when the writer gives up on
 *     it, so a replay asks whether it landed
 */
public record RowFailure(
    String recordId, String reason, boolean retryable, Optional<Throwable> cause) {
  public RowFailure {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(cause, "cause");
  }

  /** A failure without a request failure behind it. */
  public RowFailure(String recordId, String reason, boolean retryable) {
    this(recordId, reason, retryable, Optional.empty());
  }

  /** A failure that a retry may fix (e.g. the row was stopped because another row failed). */
  public static RowFailure retryable(String recordId, String reason) {
    return new RowFailure(recordId, reason, true);
  }

  /** A failure that will repeat (e.g. an invalid value). */
  public static RowFailure permanent(String recordId, String reason) {
    return new RowFailure(recordId, reason, false);
  }

  /**
   * A failure because the request carrying the row failed with {@code cause} (e.g. an {@link
   * AmbiguousWriteException}: the append may have landed).
   */
  public static RowFailure causedBy(
      String recordId, String reason, boolean retryable, Throwable cause) {
    return new RowFailure(recordId, reason, retryable, Optional.of(cause));
  }
}
