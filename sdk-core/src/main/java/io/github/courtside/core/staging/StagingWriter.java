package io.github.courtside.core.staging;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WarehouseException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one writer's rows of one batch into its own staging table, with load semantics only (never
 * streaming, so the consolidator's MERGE can read them at once).
 *
 * <p>The staging table lives in the main table's dataset, is named by {@link StagingTableName}
 * (collision-free, H-8) and is created on the first write with the main table's columns, without
 * partitioning. Every write validates every row against the main table's schema, fetched on the
 * first write, and fails before anything is loaded with all unknown, mistyped or missing required
 * columns named (incident I-9; the old writer checked only the first row's keys, once per process).
 * Non-finite FLOAT64 values are refused rather than silently turned into NULL.
 *
 * <pre>{@code
 * StagingWriter writer = StagingWriter.of(warehouse, main, "batch_2024-04-10_1712", "worker-7");
 * StagingWriteResult result = writer.write(predictions);
 * }</pre>
 *
 * <p>Instances are not thread-safe; give each worker thread its own writer id.
 */
public final class StagingWriter {
  private static final Logger log = LoggerFactory.getLogger(StagingWriter.class);

  private final Warehouse warehouse;
  private final StagingTableName name;
  private @Nullable TableSchema mainSchema;
  private boolean tableReady;

  private StagingWriter(Warehouse warehouse, StagingTableName name) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A writer for {@code writerId}'s share of batch {@code batchId} of {@code mainTable}. */
  public static StagingWriter of(
      Warehouse warehouse, TableId mainTable, String batchId, String writerId) {
    return new StagingWriter(warehouse, StagingTableName.of(mainTable, batchId, writerId));
  }

  /** The staging table this writer loads into. */
  public TableId stagingTable() {
    return name.tableId();
  }

  /**
   * Validates and loads rows. An empty list writes nothing and creates no table.
   *
   * @throws SchemaMismatchException naming every offending column when a row does not fit the main
   *     table's schema; nothing is written then
   * @throws WarehouseException when the main table does not exist or the load fails
   */
  public StagingWriteResult write(List<Row> rows) {
    TableId staging = name.tableId();
    if (rows.isEmpty()) {
      log.warn("no rows to stage for batch {} writer {}", name.batchId(), name.writerId());
      return new StagingWriteResult(staging, 0);
    }
    TableSchema schema = mainSchema();
    schema.check(name.mainTable(), rows);
    if (!tableReady) {
      warehouse.createTableIfAbsent(staging, unpartitioned(schema));
      tableReady = true;
    }
    long written = warehouse.append(staging, rows);
    log.debug("staged {} rows into {}", written, staging);
    return new StagingWriteResult(staging, written);
  }

  private TableSchema mainSchema() {
    TableSchema schema = mainSchema;
    if (schema == null) {
      schema =
          warehouse
              .schema(name.mainTable())
              .orElseThrow(
                  () ->
                      new WarehouseException(
                          name.mainTable(),
                          "main table " + name.mainTable() + " does not exist; cannot stage rows"));
      mainSchema = schema;
    }
    return schema;
  }

  private static TableSchema unpartitioned(TableSchema schema) {
    return TableSchema.builder().columns(schema.columns()).build();
  }
}
