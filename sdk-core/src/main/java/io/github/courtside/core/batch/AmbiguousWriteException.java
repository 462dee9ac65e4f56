package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.TableId;
import java.util.List;
import java.util.OptionalLong;

/**
 * A request failed but may have landed: an exactly-once sink appended rows at known offsets of a
 * stream and does not know whether the append took effect. A row the writer gives up on with this
 * failure is dead-lettered as {@code "outcome":"ambiguous"} with its stream and offset, and {@link
 * NdjsonDeadLetterSink#replay(BatchWriter, LandedCheck)} replays it only when the stream shows it
 * did not land, so a replay never doubles it.
 *
 * <pre>{@code
 * throw new AmbiguousWriteException(table, "AppendRows failed", true, cause, stream, offset, ids);
 * }</pre>
 */
public class AmbiguousWriteException extends SinkException {
  private static final long serialVersionUID = 1L;

  private final String stream;
  private final long firstOffset;
  private final List<String> rowIds;

  /**
   * The append of {@code rowIds}, in order, at {@code firstOffset} of {@code stream} failed with
   * {@code cause}; it may have landed.
   */
  public AmbiguousWriteException(
      TableId table,
      String message,
      boolean retryable,
      Throwable cause,
      String stream,
      long firstOffset,
      List<String> rowIds) {
    super(
        table,
        message + " (the append at offset " + firstOffset + " of " + stream + " may have landed)",
        retryable,
        cause);
    this.stream = stream;
    this.firstOffset = firstOffset;
    this.rowIds = List.copyOf(rowIds);
  }

  /** The stream appended to, e.g. {@code projects/P/datasets/D/tables/T/streams/S}. */
  public String stream() {
    return stream;
  }

  /** The offset of the first row of the append. */
  public long firstOffset() {
    return firstOffset;
  }

  /** The ids of the rows of the append, in order. */
  public List<String> rowIds() {
    return rowIds;
  }

  /** The offset of {@code rowId} in the stream, if it was in the append. */
  public OptionalLong offsetOf(String rowId) {
    int index = rowIds.indexOf(rowId);
    return index < 0 ? OptionalLong.empty() : OptionalLong.of(firstOffset + index);
  }
}
