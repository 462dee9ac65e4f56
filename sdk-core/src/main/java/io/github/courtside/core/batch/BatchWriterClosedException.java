package io.github.courtside.core.batch;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.TableId;

/**
 * A row was offered to a closed {@link BatchWriter}; it was not accepted.
 *
 * <pre>{@code
 * writer.close();
 * writer.add(row); // throws BatchWriterClosedException
 * }</pre>
 */
public final class BatchWriterClosedException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final TableId table;

  BatchWriterClosedException(TableId table, String writer) {
    super("batch writer " + writer + " for " + table + " is closed; the row was not accepted");
    this.table = table;
  }

  /** The writer's table. */
  public TableId table() {
    return table;
  }
}
