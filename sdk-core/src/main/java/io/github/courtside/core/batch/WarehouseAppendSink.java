package io.github.courtside.core.batch;

import io.github.courtside.core.validation.RowRejection;
import io.github.courtside.core.validation.RowValidator;
import io.github.courtside.core.validation.ValidationResult;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link BatchSink} that appends each request through {@link Warehouse#append} (load semantics:
 * all rows of a request are written or none, and they are mutable by DML right away, so MUTABLE
 * tables may use it).
 *
 * <p>A sink made by {@link #validating} reads the table's schema on its first request and checks
 * each row first ({@link RowValidator}): rows that would fail the load, such as columns the table
 * lacks (I-9) or NaN in a required column (I-18), are reported as permanent row failures and go to
 * the dead-letter sink, while the rest of the request is still written. Without one, one bad row
 * fails the whole request. The warehouse does not deduplicate: a load that committed but whose
 * acknowledgement was lost would be written again on retry.
 *
 * <pre>{@code
 * BatchSink sink = WarehouseAppendSink.validating(warehouse, table);
 * try (BatchWriter writer = BatchWriter.builder(sink).deadLetterFolder(dir).build()) {
 *   writer.add(row);
 * }
 * }</pre>
 */
public final class WarehouseAppendSink implements BatchSink {
  private final Warehouse warehouse;
  private final TableId table;
  private final UnaryOperator<RowValidator.Builder> validation;
  private final boolean validating;
  private volatile Optional<RowValidator> validator = Optional.empty();

  private WarehouseAppendSink(
      Warehouse warehouse,
      TableId table,
      boolean validating,
      UnaryOperator<RowValidator.Builder> validation) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.table = Objects.requireNonNull(table, "table");
    this.validating = validating;
    this.validation = Objects.requireNonNull(validation, "validation");
  }

  /** A sink that appends requests as they are, without row validation. */
  public WarehouseAppendSink(Warehouse warehouse, TableId table) {
    this(warehouse, table, false, UnaryOperator.identity());
  }

  /**
   * A sink that validates rows against the table's schema (read once, on the first request) with
   * the default {@link RowValidator} settings.
   */
  public static WarehouseAppendSink validating(Warehouse warehouse, TableId table) {
    return new WarehouseAppendSink(warehouse, table, true, UnaryOperator.identity());
  }

  /**
   * A sink that validates rows against the table's schema, with validator settings from {@code
   * validation} (e.g. {@code v -> v.coerce(Coercion.NON_FINITE_TO_NULL)}).
   */
  public static WarehouseAppendSink validating(
      Warehouse warehouse, TableId table, UnaryOperator<RowValidator.Builder> validation) {
    return new WarehouseAppendSink(warehouse, table, true, validation);
  }

  @Override
  public TableId table() {
    return table;
  }

  @Override
  public Delivery delivery() {
    return Delivery.LOAD;
  }

  @Override
  public SinkResult write(List<BatchRecord> records) {
    List<Row> rows = new ArrayList<>(records.size());
    records.forEach(record -> rows.add(record.row()));
    if (!validating) {
      warehouse.append(table, rows);
      return SinkResult.allWritten();
    }
    ValidationResult result = validator().validate(rows);
    List<RowFailure> failures = new ArrayList<>();
    for (RowRejection rejection : result.rejections()) {
      failures.add(
          RowFailure.permanent(records.get(rejection.rowIndex()).id(), rejection.reason()));
    }
    if (!result.accepted().isEmpty()) {
      warehouse.append(table, result.accepted());
    }
    return SinkResult.withFailures(failures);
  }

  private RowValidator validator() {
    Optional<RowValidator> current = validator;
    if (current.isPresent()) {
      return current.get();
    }
    TableSchema schema =
        warehouse
            .schema(table)
            .orElseThrow(() -> new SinkException(table, "the table does not exist", false));
    RowValidator built = validation.apply(RowValidator.builder(table, schema)).build();
    validator = Optional.of(built);
    return built;
  }
}
