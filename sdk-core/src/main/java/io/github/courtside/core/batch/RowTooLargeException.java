package io.github.courtside.core.batch;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.TableId;

/**
 * A row was not accepted because its JSON form (UTF-8 bytes, escapes included) is larger than
 * {@link BatchWriterConfig#maxBytes()}, so no request could carry it. The row is not part of the
 * writer's accounting (it counts as refused); the caller still owns it.
 *
 * <pre>{@code
 * try {
 *   writer.add(row);
 * } catch (RowTooLargeException e) {
 *   log.error("row {} is {} bytes, over {}", e.rowId(), e.bytes(), e.maxBytes());
 * }
 * }</pre>
 */
public final class RowTooLargeException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final TableId table;
  private final String rowId;
  private final long bytes;
  private final long maxBytes;

  RowTooLargeException(TableId table, String writer, String rowId, long bytes, long maxBytes) {
    super(
        "batch writer "
            + writer
            + " for "
            + table
            + " refused row "
            + rowId
            + ": its JSON form is "
            + bytes
            + " bytes, over the limit of "
            + maxBytes
            + " bytes per request (maxBytes)");
    this.table = table;
    this.rowId = rowId;
    this.bytes = bytes;
    this.maxBytes = maxBytes;
  }

  /** The writer's table. */
  public TableId table() {
    return table;
  }

  /** The id the row would have had. */
  public String rowId() {
    return rowId;
  }

  /** The row's size: UTF-8 bytes of its JSON form. */
  public long bytes() {
    return bytes;
  }

  /** The writer's limit in bytes per request. */
  public long maxBytes() {
    return maxBytes;
  }
}
