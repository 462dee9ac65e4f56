package io.github.courtside.bigquery.sink;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.batch.WriteMode;
import io.github.courtside.core.batch.WriteModeViolationException;
import io.github.courtside.core.warehouse.TableId;

/**
 * A streaming sink was built for a table declared {@link WriteMode#MUTABLE} (or not declared at
 * all, which the {@link io.github.courtside.core.batch.WriteModePolicy} treats as MUTABLE). Rows
 * streamed into BigQuery sit in the streaming buffer for about 30 minutes, during which UPDATE,
 * DELETE and MERGE cannot touch them, so a DELETE+INSERT re-run would fail or duplicate rows
 * (spec-prediction-infra §5.3).
 *
 * <pre>{@code
 * try {
 *   InsertAllSink.builder(bigQuery).table(accuracy).writeModes(policy).build();
 * } catch (StreamingIntoMutableTableException e) {
 *   warehouse.replacePartition(accuracy, gameDate, rows); // one load job per partition instead
 * }
 * }</pre>
 */
public final class StreamingIntoMutableTableException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final TableId table;

  StreamingIntoMutableTableException(
      String sink, TableId table, WriteModeViolationException cause) {
    super(
        sink
            + " refuses "
            + table
            + ": the table is declared "
            + cause.mode()
            + ", and streamed rows cannot be changed by UPDATE, DELETE or MERGE for about 30"
            + " minutes; write it with Warehouse.replacePartition (one load job per partition,"
            + " atomic) or a load sink such as WarehouseAppendSink, or declare it APPEND_ONLY in"
            + " the WriteModePolicy if it is never rewritten",
        cause);
    this.table = table;
  }

  /** The refused table. */
  public TableId table() {
    return table;
  }
}
