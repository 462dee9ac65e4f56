package io.github.courtside.core.batch;

import java.util.List;

/**
 * What a {@link BatchSink} reports for a request it did not throw on: every row not named in {@link
 * #failures()} was written.
 *
 * <pre>{@code
 * return failures.isEmpty() ? SinkResult.allWritten() : SinkResult.withFailures(failures);
 * }</pre>
 *
 * @param failures the rows that were not written, with reasons
 */
public record SinkResult(List<RowFailure> failures) {
  private static final SinkResult ALL_WRITTEN = new SinkResult(List.of());

  public SinkResult {
    failures = List.copyOf(failures);
  }

  /** Every row of the request was written. */
  public static SinkResult allWritten() {
    return ALL_WRITTEN;
  }

  /** The named rows failed; the others were written. */
  public static SinkResult withFailures(List<RowFailure> failures) {
    return new SinkResult(failures);
  }
}
