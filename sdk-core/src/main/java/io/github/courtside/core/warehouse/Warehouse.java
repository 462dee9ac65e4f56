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

  /**
   * Tables of a dataset (of the default project) whose names start with {@code prefix}, sorted by
   * name; the ids carry no project.
   */
  List<TableId> listTables(String dataset, String prefix);

  /**
   * Tables in the project and dataset of {@code table} whose names start with {@code prefix},
   * sorted by name; the ids carry {@code table}'s project (e.g. the staging tables of a main table
   * in another project). Backends without projects refuse a table that names one.
   */
  default List<TableId> listSiblings(TableId table, String prefix) {
    if (table.project().isPresent()) {
      throw new WarehouseException(
          table, "this warehouse has no projects; cannot list the tables beside " + table);
    }
    return listTables(table.dataset(), prefix);
  }

  /**
   * Appends rows with load semantics: all rows are written or none is, and they can be changed by
   * DML right away. Returns the number written. Meant for bulk writes (BigQuery: one Storage Write
   * API PENDING stream per call), not for one row at a time: small, frequent rows belong in a
   * {@code BatchWriter} or, for a few rows, an {@code INSERT} through {@link #execute}.
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

  /**
   * Runs one statement rendered in this warehouse's dialect, its parameters bound (DuckDB: a JDBC
   * {@code PreparedStatement}; BigQuery: query parameters), and returns what it inserted, updated
   * and deleted (all zero for statements that are not DML).
   *
   * <pre>{@code
   * SqlDialect d = warehouse.dialect();
   * long updated = warehouse.execute(SqlStatement.builder()
   *     .append("UPDATE " + d.table(games) + " SET points = 0 WHERE player_lookup = ")
   *     .value("player", "o'neal", ColumnType.STRING)
   *     .build()).updated();
   * }</pre>
   *
   * @throws WarehouseException when the statement fails; {@link WarehouseException#retryable()}
   *     says whether running it again may succeed
   */
  DmlResult execute(SqlStatement statement);

  /** Runs one statement without parameters; see {@link #execute(SqlStatement)}. */
  default DmlResult execute(String sql) {
    return execute(SqlStatement.of(sql));
  }

  /**
   * Runs statements as one transaction after checking {@code guard} inside it: either the guard is
   * TRUE and every statement takes effect, or nothing does. BigQuery runs one multi-statement
   * script ({@code BEGIN TRANSACTION; ASSERT (guard) AS '...'; statements; COMMIT TRANSACTION;})
   * with the guard's and the statements' parameters as the script's query parameters; DuckDB one
   * JDBC transaction of prepared statements. Only DML statements belong in a transaction (BigQuery
   * refuses DDL there).
   *
   * <pre>{@code
   * List<DmlResult> results = warehouse.transaction(fence, List.of(merge, journalInsert));
   * }</pre>
   *
   * @return the result of each statement, in order
   * @throws WriteGuardRefusedException when the guard is not TRUE (nothing was written)
   * @throws WarehouseException when a statement fails (nothing was written)
   */
  List<DmlResult> transaction(WriteGuard guard, List<SqlStatement> statements);

  /**
   * Runs statements without parameters as one guarded transaction; see {@link
   * #transaction(WriteGuard, List)}.
   */
  default List<DmlResult> transaction(WriteGuard guard, String... statements) {
    return transaction(guard, SqlStatement.ofAll(List.of(statements)));
  }

  /**
   * Runs statements as one transaction without a guard; see {@link #transaction(WriteGuard, List)}.
   */
  default List<DmlResult> transaction(List<SqlStatement> statements) {
    return transaction(WriteGuard.none(), statements);
  }

  /**
   * Whether DDL ({@code DROP TABLE}, {@code ALTER TABLE ... ADD COLUMN}) may be part of a {@link
   * #transaction}: true for DuckDB, false (the default) for BigQuery, which refuses DDL inside a
   * multi-statement transaction. Callers that fence DDL put it in the transaction when this is true
   * and run it right after a guarded transaction otherwise.
   */
  default boolean supportsDdlInTransactions() {
    return false;
  }

  /** Runs one statement after checking {@code guard} in the same transaction. */
  default DmlResult executeGuarded(WriteGuard guard, SqlStatement statement) {
    return transaction(guard, List.of(statement)).get(0);
  }

  /** Runs one statement without parameters after checking {@code guard} in the same transaction. */
  default DmlResult executeGuarded(WriteGuard guard, String statement) {
    return executeGuarded(guard, SqlStatement.of(statement));
  }

  /**
   * Runs a query rendered in this warehouse's dialect, its parameters bound, and returns all its
   * rows.
   *
   * <pre>{@code
   * List<Row> rows = warehouse.query(SqlStatement.builder()
   *     .append("SELECT * FROM " + d.table(games) + " WHERE game_date = ")
   *     .value("day", LocalDate.parse("2024-04-10"), ColumnType.DATE)
   *     .build());
   * }</pre>
   */
  List<Row> query(SqlStatement query);

  /** Runs a query without parameters; see {@link #query(SqlStatement)}. */
  default List<Row> query(String sql) {
    return query(SqlStatement.of(sql));
  }

  /** Releases connections and threads. */
  @Override
  void close();
}
