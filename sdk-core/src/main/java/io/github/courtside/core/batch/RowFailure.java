package io.github.courtside.core.batch;

import java.util.Objects;

/**
 * One row that a sink could not write inside an otherwise accepted request (BigQuery's {@code
 * insertErrors}).
 *
 * <pre>{@code
 * return SinkResult.withFailures(List.of(
 *     RowFailure.permanent(record.id(), "no such field: vegas_line_source")));
 * }</pre>
 *
 * @param recordId the {@link BatchRecord#id()} of the failed row
 * @param reason what the backend said
 * @param retryable whether sending the row again may succeed
 */
public record RowFailure(String recordId, String reason, boolean retryable) {
  public RowFailure {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(reason, "reason");
  }

  /** A failure that a retry may fix (e.g. the row was stopped because another row failed). */
  public static RowFailure retryable(String recordId, String reason) {
    return new RowFailure(recordId, reason, true);
  }

  /** A failure that will repeat (e.g. an invalid value). */
  public static RowFailure permanent(String recordId, String reason) {
    return new RowFailure(recordId, reason, false);
  }
}
