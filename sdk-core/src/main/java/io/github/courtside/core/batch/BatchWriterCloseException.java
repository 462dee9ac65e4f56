package io.github.courtside.core.batch;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.TableId;

/**
 * {@link BatchWriter#close()} could not account for every row in time: {@link #pending()} rows were
 * neither written nor dead-lettered when the close timeout ran out (e.g. the sink kept failing with
 * long backoffs). Nothing is dropped silently: the number is in this exception and in the stats.
 *
 * <pre>{@code
 * try {
 *   writer.close();
 * } catch (BatchWriterCloseException e) {
 *   log.error("{} rows still pending for {}", e.pending(), e.table());
 * }
 * }</pre>
 */
public final class BatchWriterCloseException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final TableId table;
  private final long pending;

  BatchWriterCloseException(TableId table, String writer, long pending, String why) {
    super(
        "batch writer "
            + writer
            + " for "
            + table
            + " closed with "
            + pending
            + " row(s) neither written nor dead-lettered: "
            + why);
    this.table = table;
    this.pending = pending;
  }

  /** The writer's table. */
  public TableId table() {
    return table;
  }

  /** Rows neither written nor dead-lettered at close. */
  public long pending() {
    return pending;
  }
}
