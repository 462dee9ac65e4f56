package io.github.courtside.core.batch;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.TableId;

/**
 * A writer was asked to deliver rows in a way the table's {@link WriteMode} forbids, e.g. to stream
 * into a MUTABLE table.
 *
 * <pre>{@code
 * try {
 *   BatchWriter.builder(streamingSink).writeModes(policy).deadLetterFolder(dir).build();
 * } catch (WriteModeViolationException e) {
 *   log.error("{} is {}; use a load sink", e.table(), e.mode());
 * }
 * }</pre>
 */
public final class WriteModeViolationException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final TableId table;
  private final WriteMode mode;
  private final Delivery delivery;

  /** An exception for {@code delivery} refused on {@code table} registered as {@code mode}. */
  public WriteModeViolationException(TableId table, WriteMode mode, Delivery delivery) {
    super(
        "refusing "
            + delivery
            + " writes into "
            + table
            + ": the table is "
            + mode
            + " (rewritten by DELETE+INSERT or MERGE), and streamed rows cannot be changed by DML"
            + " while they sit in the streaming buffer; write it with load semantics instead, or"
            + " register it APPEND_ONLY if it is never rewritten");
    this.table = table;
    this.mode = mode;
    this.delivery = delivery;
  }

  /** The table. */
  public TableId table() {
    return table;
  }

  /** The table's registered (or default) write mode. */
  public WriteMode mode() {
    return mode;
  }

  /** The refused delivery. */
  public Delivery delivery() {
    return delivery;
  }
}
