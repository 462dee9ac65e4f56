package io.github.courtside.core.breaker;

import io.github.courtside.core.batch.BatchWriter;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableSchema;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transition listener that appends one audit row per breaker transition to an append-only table
 * through a {@link BatchWriter} (spec-prediction-infra §4.5: audit history in an append-only table
 * written by the batch writer, instead of the old per-transition DML and load jobs that burned the
 * load-job quota, §5.5).
 *
 * <pre>{@code
 * warehouse.createTableIfAbsent(auditTable, BreakerAuditTrail.SCHEMA);
 * BatchWriter audit =
 *     BatchWriter.builder(new WarehouseAppendSink(warehouse, auditTable))
 *         .deadLetterFolder(dir)
 *         .build();
 * BreakerRegistry breakers = BreakerRegistry.builder().listener(new BreakerAuditTrail(audit)).build();
 * }</pre>
 */
public final class BreakerAuditTrail implements Consumer<BreakerTransition> {
  private static final Logger log = LoggerFactory.getLogger(BreakerAuditTrail.class);

  /** The audit table's columns. */
  public static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("breaker_key", ColumnType.STRING))
          .column(Column.required("profile", ColumnType.STRING))
          .column(Column.required("from_state", ColumnType.STRING))
          .column(Column.required("to_state", ColumnType.STRING))
          .column(Column.required("transitioned_at", ColumnType.TIMESTAMP))
          .column(Column.required("shared", ColumnType.BOOL))
          .clusterBy("breaker_key")
          .build();

  private final BatchWriter writer;

  /** A trail writing through {@code writer}. */
  public BreakerAuditTrail(BatchWriter writer) {
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** The audit row of one transition. */
  public static Row toRow(BreakerTransition transition) {
    return Row.builder()
        .set("breaker_key", transition.key())
        .set("profile", transition.profile())
        .set("from_state", transition.from().name())
        .set("to_state", transition.to().name())
        .set("transitioned_at", transition.at())
        .set("shared", transition.shared())
        .build();
  }

  /**
   * Offers the transition's row to the writer without ever waiting ({@link BatchWriter#tryAdd}): a
   * tripping breaker must not stall its caller behind a slow audit sink. A row the writer has no
   * room for is logged at WARN in full and counted refused by the writer.
   */
  @Override
  public void accept(BreakerTransition transition) {
    Row row = toRow(transition);
    if (writer.tryAdd(row).isEmpty()) {
      log.warn(
          "breaker audit trail {}: no room in writer {}; transition not audited: {}",
          writer.table(),
          writer.config().name(),
          row);
    }
  }
}
