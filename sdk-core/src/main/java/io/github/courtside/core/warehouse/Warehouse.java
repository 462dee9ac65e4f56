package io.github.courtside.core.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The warehouse port: what the SDK needs from an analytical store. Implemented by the embedded
 * DuckDB warehouse ({@code courtside-duckdb}) and by BigQuery ({@code courtside-bigquery}).
 *
 * <p>Writes use load semantics: {@link #append} and {@link #replacePartition} are all-or-nothing
 * and the rows they write can be changed by DML right away (unlike BigQuery's streaming buffer).
 *
 * <pre>{@code
 * try (Warehouse warehouse = DuckDbWarehouse.inMemory()) {
 *   warehouse.createTable(games, schema);
 *   warehouse.replacePartition(games, LocalDate.parse("2024-04-10"), rows);
 *   List<Row> top = warehouse.query("SELECT * FROM nba.player_game ORDER BY points DESC LIMIT 5");
 * }
 * }</pre>
 */
public interface Warehouse extends AutoCloseable {

  /** Creates a table; fails if it already exists. */
  void createTable(TableId table, TableSchema schema);

  /** Creates a table unless it exists. Returns whether it was created. */
  boolean createTableIfAbsent(TableId table, TableSchema schema);

  /** Drops a table if it exists. Returns whether it existed. */
  boolean dropTable(TableId table);

  /** The table's schema, or empty when the table does not exist. */
  Optional<TableSchema> schema(TableId table);

  /** The table's schema and creation time, or empty when the table does not exist. */
  Optional<TableInfo> describe(TableId table);

  /**
   * Adds nullable columns at the end of a table (schema evolution; existing rows read NULL).
   *
   * @throws WarehouseException when the table is missing or a column already exists
   */
  void addColumns(TableId table, List<Column> columns);

  /** Tables of a dataset whose names start with {@code prefix}, sorted by name. */
  List<TableId> listTables(String dataset, String prefix);

  /**
   * Appends rows with load semantics: all rows are written or none is. Returns the number written.
   */
  long append(TableId table, List<Row> rows);

  /**
   * Atomically replaces every row of one date partition with {@code rows} (the idempotent
   * DELETE+INSERT of a daily processor). Rows outside the partition are refused. Returns the number
   * of rows written.
   */
  long replacePartition(TableId table, LocalDate partition, List<Row> rows);

  /** The SQL dialect that {@link #execute} and {@link #query} expect. */
  SqlDialect dialect();

  /** Runs a statement rendered in this warehouse's dialect; returns the affected-row count. */
  long execute(String sql);

  /** Runs a query rendered in this warehouse's dialect and returns all its rows. */
  List<Row> query(String sql);

  /** Releases connections and threads. */
  @Override
  void close();
}
