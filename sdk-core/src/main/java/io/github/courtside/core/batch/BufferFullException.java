package io.github.courtside.core.batch;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.TableId;

/**
 * A row was not accepted because the writer's buffer stayed full. The row is not part of the
 * writer's accounting; the caller still owns it.
 *
 * <pre>{@code
 * try {
 *   writer.add(row);
 * } catch (BufferFullException e) {
 *   pubsubMessage.nack(); // let the message be redelivered later
 * }
 * }</pre>
 */
public final class BufferFullException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final TableId table;
  private final int capacity;

  BufferFullException(TableId table, String writer, int capacity, String how) {
    super(
        "batch writer "
            + writer
            + " for "
            + table
            + " refused a row: its buffer holds "
            + capacity
            + " rows ("
            + how
            + "); the sink is slower than the producers or failing");
    this.table = table;
    this.capacity = capacity;
  }

  /** The writer's table. */
  public TableId table() {
    return table;
  }

  /** The buffer capacity in rows. */
  public int capacity() {
    return capacity;
  }
}
