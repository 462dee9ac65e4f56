package io.github.courtside.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.DmlResult;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WarehouseException;
import io.github.courtside.core.warehouse.WriteGuard;
import io.github.courtside.core.warehouse.WriteGuardRefusedException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Warehouse} backend must show. Extend it with a class named {@code
 * *Test} and return a fresh, empty warehouse from {@link #newWarehouse()}.
 *
 * <pre>{@code
 * class DuckDbWarehouseTest extends WarehouseContract {
 *   protected Warehouse newWarehouse() { return DuckDbWarehouse.inMemory(); }
 * }
 * }</pre>
 */
public abstract class WarehouseContract {
  protected static final LocalDate DAY = LocalDate.parse("2024-04-10");
  protected static final LocalDate NEXT_DAY = DAY.plusDays(1);

  protected Warehouse warehouse;
  protected SqlDialect dialect;
  protected final TableId games = TableId.of("nba", "player_game");

  /** A new, empty warehouse; closed after each test. */
  protected abstract Warehouse newWarehouse();

  @BeforeEach
  void openWarehouse() {
    warehouse = newWarehouse();
    dialect = warehouse.dialect();
  }

  @AfterEach
  void closeWarehouse() {
    warehouse.close();
  }

  protected static TableSchema allTypes() {
    return TableSchema.builder()
        .column(Column.required("game_date", ColumnType.DATE))
        .column(Column.required("player_lookup", ColumnType.STRING))
        .column(Column.nullable("points", ColumnType.INT64))
        .column(Column.nullable("line_value", ColumnType.FLOAT64))
        .column(Column.nullable("predicted", ColumnType.NUMERIC))
        .column(Column.nullable("is_active", ColumnType.BOOL).withDefault(true))
        .column(Column.nullable("created_at", ColumnType.TIMESTAMP))
        .column(Column.nullable("features", ColumnType.JSON))
        .column(Column.nullable("source", ColumnType.STRING).withDefault("gamebook"))
        .partitionBy("game_date")
        .clusterBy("player_lookup")
        .build();
  }

  protected static Row row(LocalDate date, String player, long points) {
    return Row.builder()
        .set("game_date", date)
        .set("player_lookup", player)
        .set("points", points)
        .build();
  }

  protected List<Row> selectAll(TableId table) {
    return warehouse.query(
        "SELECT * FROM "
            + dialect.table(table)
            + " ORDER BY "
            + dialect.identifier("player_lookup"));
  }

  protected long count(TableId table) {
    return warehouse
        .query("SELECT COUNT(*) AS n FROM " + dialect.table(table))
        .get(0)
        .getLong("n")
        .orElseThrow();
  }

  @Test
  void createdSchemaReadsBackWithPartitionClusteringAndDefaults() {
    warehouse.createTable(games, allTypes());
    assertEquals(allTypes(), warehouse.schema(games).orElseThrow());
    assertTrue(warehouse.describe(games).orElseThrow().createdAt().isPresent());
  }

  @Test
  void createTableRefusesAnExistingTableAndCreateIfAbsentReportsIt() {
    assertTrue(warehouse.createTableIfAbsent(games, allTypes()));
    assertFalse(warehouse.createTableIfAbsent(games, allTypes()));
    assertThrows(WarehouseException.class, () -> warehouse.createTable(games, allTypes()));
  }

  @Test
  void dropTableReportsWhetherTheTableExisted() {
    warehouse.createTable(games, allTypes());
    assertTrue(warehouse.dropTable(games));
    assertFalse(warehouse.dropTable(games));
    assertTrue(warehouse.schema(games).isEmpty());
  }

  @Test
  void listTablesFiltersByDatasetAndPrefixAndSortsByName() {
    TableSchema schema = allTypes();
    warehouse.createTable(TableId.of("nba", "_staging_b"), schema);
    warehouse.createTable(TableId.of("nba", "_staging_a"), schema);
    warehouse.createTable(TableId.of("nba", "player_game"), schema);
    warehouse.createTable(TableId.of("other", "_staging_c"), schema);
    assertEquals(
        List.of(TableId.of("nba", "_staging_a"), TableId.of("nba", "_staging_b")),
        warehouse.listTables("nba", "_staging_"));
    assertEquals(List.of(), warehouse.listTables("missing", ""));
  }

  @Test
  void appendRoundTripsEveryTypeAndFillsDefaultsForMissingColumns() {
    warehouse.createTable(games, allTypes());
    Instant created = Instant.parse("2024-04-10T18:30:00.123456Z");
    Row full =
        Row.builder()
            .set("game_date", DAY)
            .set("player_lookup", "a")
            .set("points", 27L)
            .set("line_value", 22.5)
            .set("predicted", new BigDecimal("24.1"))
            .set("is_active", false)
            .set("created_at", created)
            .set("features", "{\"minutes\":34}")
            .set("source", null)
            .build();
    Row sparse = Row.builder().set("game_date", DAY).set("player_lookup", "b").build();
    assertEquals(2, warehouse.append(games, List.of(full, sparse)));

    List<Row> rows = selectAll(games);
    Row a = rows.get(0);
    assertEquals(27L, a.get("points"));
    assertEquals(22.5, a.get("line_value"));
    assertEquals(0, new BigDecimal("24.1").compareTo((BigDecimal) a.get("predicted")));
    assertEquals(false, a.get("is_active"));
    assertEquals(created, a.get("created_at"));
    assertEquals(DAY, a.get("game_date"));
    assertTrue(a.getString("features").orElseThrow().contains("34"));
    assertEquals(null, a.get("source"), "an explicit NULL is not replaced by the default");
    Row b = rows.get(1);
    assertEquals(true, b.get("is_active"), "a missing column takes its default");
    assertEquals("gamebook", b.get("source"));
    assertEquals(null, b.get("points"));
  }

  @Test
  void appendIsAllOrNothingAndNamesTheBadColumns() {
    warehouse.createTable(games, allTypes());
    List<Row> rows =
        List.of(
            row(DAY, "a", 1),
            row(DAY, "b", 2).toBuilder().set("points", "two").set("minutes", 30L).build());
    SchemaMismatchException error =
        assertThrows(SchemaMismatchException.class, () -> warehouse.append(games, rows));
    assertEquals(List.of("minutes", "points"), error.columns());
    assertEquals(0, count(games));
  }

  @Test
  void appendRefusesNullInARequiredColumnAndWritesNothing() {
    warehouse.createTable(games, allTypes());
    List<Row> rows =
        List.of(row(DAY, "a", 1), row(DAY, "b", 2).toBuilder().set("player_lookup", null).build());
    SchemaMismatchException error =
        assertThrows(SchemaMismatchException.class, () -> warehouse.append(games, rows));
    assertEquals(List.of("player_lookup"), error.columns());
    assertEquals(0, count(games));
  }

  @Test
  void appendToAMissingTableFails() {
    assertThrows(
        WarehouseException.class, () -> warehouse.append(games, List.of(row(DAY, "a", 1))));
  }

  @Test
  void replacePartitionReplacesOnlyThatPartitionAndIsIdempotent() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1), row(DAY, "b", 2), row(NEXT_DAY, "c", 3)));
    List<Row> replacement = List.of(row(DAY, "a", 10), row(DAY, "d", 40));
    assertEquals(2, warehouse.replacePartition(games, DAY, replacement));
    assertEquals(2, warehouse.replacePartition(games, DAY, replacement));
    List<Row> rows = selectAll(games);
    assertEquals(
        List.of("a", "c", "d"),
        rows.stream().map(r -> r.getString("player_lookup").orElseThrow()).toList());
    assertEquals(10L, rows.get(0).get("points"));
    assertEquals(3L, rows.get(1).get("points"));
  }

  @Test
  void replacePartitionRefusesRowsOfAnotherPartitionAndKeepsTheOldRows() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    assertThrows(
        WarehouseException.class,
        () ->
            warehouse.replacePartition(
                games, DAY, List.of(row(DAY, "b", 2), row(NEXT_DAY, "c", 3))));
    assertEquals(1, count(games));
  }

  @Test
  void executeReturnsAffectedRows() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1), row(DAY, "b", 2), row(NEXT_DAY, "c", 3)));
    DmlResult updated =
        warehouse.execute(
            "UPDATE "
                + dialect.table(games)
                + " SET "
                + dialect.identifier("points")
                + " = 0 WHERE "
                + dialect.identifier("game_date")
                + " = "
                + dialect.literal(DAY, ColumnType.DATE));
    assertEquals(new DmlResult(0, 2, 0), updated);
    assertEquals(2, updated.total());
  }

  @Test
  void executeCountsInsertedAndDeletedRows() {
    warehouse.createTable(games, allTypes());
    assertEquals(
        new DmlResult(2, 0, 0),
        warehouse.execute(
            insertSql(games, row(DAY, "a", 1)) + ", " + values(row(NEXT_DAY, "b", 2))));
    assertEquals(
        new DmlResult(0, 0, 1),
        warehouse.execute(
            "DELETE FROM "
                + dialect.table(games)
                + " WHERE "
                + dialect.identifier("player_lookup")
                + " = "
                + dialect.literal("a", ColumnType.STRING)));
    assertEquals(1, count(games));
  }

  @Test
  void mergeReportsInsertedAndUpdatedRowsSeparately() {
    warehouse.createTable(games, allTypes());
    TableId source = games.sibling("source");
    warehouse.createTable(source, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1), row(DAY, "b", 2), row(DAY, "z", 9)));
    warehouse.append(source, List.of(row(DAY, "a", 10), row(DAY, "b", 20), row(DAY, "c", 30)));
    String p = dialect.identifier("player_lookup");
    String points = dialect.identifier("points");
    String date = dialect.identifier("game_date");
    DmlResult merged =
        warehouse.execute(
            "MERGE INTO "
                + dialect.table(games)
                + " AS T USING "
                + dialect.table(source)
                + " AS S ON T."
                + p
                + " = S."
                + p
                + " WHEN MATCHED THEN UPDATE SET "
                + points
                + " = S."
                + points
                + " WHEN NOT MATCHED THEN INSERT ("
                + date
                + ", "
                + p
                + ", "
                + points
                + ") VALUES (S."
                + date
                + ", S."
                + p
                + ", S."
                + points
                + ")");
    assertEquals(new DmlResult(1, 2, 0), merged);
    assertEquals(4, count(games));
  }

  @Test
  void aFailingStatementIsNotRetryable() {
    WarehouseException error =
        assertThrows(
            WarehouseException.class,
            () -> warehouse.execute("SELEKT 1 FROM " + dialect.table(games)));
    assertFalse(error.retryable(), "a syntax error does not heal by itself");
  }

  @Test
  void transactionWithATrueGuardAppliesEveryStatement() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    List<DmlResult> results =
        warehouse.transaction(
            WriteGuard.of(
                "(SELECT COUNT(*) FROM " + dialect.table(games) + ") = 1", "one row present"),
            List.of(insertSql(games, row(DAY, "b", 2)), updatePointsSql("a", 5)));
    assertEquals(List.of(new DmlResult(1, 0, 0), new DmlResult(0, 1, 0)), results);
    List<Row> rows = selectAll(games);
    assertEquals(List.of(5L, 2L), rows.stream().map(r -> r.get("points")).toList());
  }

  @Test
  void transactionWithAFalseGuardWritesNothing() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    TableId journal = games.sibling("journal");
    warehouse.createTable(journal, allTypes());
    warehouse.append(journal, List.of(row(DAY, "token", 7)));
    // the fence: no newer token than ours (5) has written; the journal says 7
    WriteGuard fence =
        WriteGuard.of(
            "(SELECT MAX("
                + dialect.identifier("points")
                + ") FROM "
                + dialect.table(journal)
                + ") <= 5",
            "a newer token than 5 has written");
    WriteGuardRefusedException refused =
        assertThrows(
            WriteGuardRefusedException.class,
            () ->
                warehouse.transaction(
                    fence,
                    List.of(
                        updatePointsSql("a", 99),
                        insertSql(journal, row(DAY, "token", 5)),
                        insertSql(games, row(DAY, "b", 2)))));
    assertEquals(fence, refused.guard());
    assertFalse(refused.retryable());
    assertEquals(1L, selectAll(games).get(0).get("points"), "the guarded update did not happen");
    assertEquals(1, count(games), "the guarded insert did not happen");
    assertEquals(1, count(journal), "the journal line did not happen");
    assertThrows(
        WriteGuardRefusedException.class,
        () -> warehouse.executeGuarded(fence, updatePointsSql("a", 98)));
    assertEquals(1L, selectAll(games).get(0).get("points"));
  }

  @Test
  void aTransactionWhoseLastStatementFailsLeavesNoTrace() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    assertThrows(
        WarehouseException.class,
        () ->
            warehouse.transaction(
                List.of(
                    updatePointsSql("a", 50),
                    insertSql(games, row(DAY, "b", 2)),
                    "UPDATE " + dialect.table(games) + " SET no_such_column = 1 WHERE TRUE")));
    assertEquals(1, count(games), "the first insert was rolled back");
    assertEquals(1L, selectAll(games).get(0).get("points"), "the first update was rolled back");
  }

  /** {@code INSERT INTO table (columns of row) VALUES (...)} with literals of the table's types. */
  protected String insertSql(TableId table, Row row) {
    List<String> names = new ArrayList<>();
    for (String column : row.columns()) {
      names.add(dialect.identifier(column));
    }
    return "INSERT INTO "
        + dialect.table(table)
        + " ("
        + String.join(", ", names)
        + ") VALUES "
        + values(row);
  }

  /** {@code (literal, ...)} of a row of {@link #allTypes()}. */
  protected String values(Row row) {
    TableSchema schema = allTypes();
    List<String> literals = new ArrayList<>();
    row.asMap()
        .forEach(
            (column, value) ->
                literals.add(dialect.literal(value, schema.column(column).orElseThrow().type())));
    return "(" + String.join(", ", literals) + ")";
  }

  private String updatePointsSql(String player, long points) {
    return "UPDATE "
        + dialect.table(games)
        + " SET "
        + dialect.identifier("points")
        + " = "
        + points
        + " WHERE "
        + dialect.identifier("player_lookup")
        + " = "
        + dialect.literal(player, ColumnType.STRING);
  }

  @Test
  void mergeWithTwoSourceRowsForOneTargetRowFailsLikeBigQuery() {
    warehouse.createTable(games, allTypes());
    TableId source = games.sibling("source");
    warehouse.createTable(source, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    warehouse.append(source, List.of(row(DAY, "a", 2), row(DAY, "a", 3)));
    String p = dialect.identifier("player_lookup");
    String points = dialect.identifier("points");
    assertThrows(
        WarehouseException.class,
        () ->
            warehouse.execute(
                "MERGE INTO "
                    + dialect.table(games)
                    + " AS T USING "
                    + dialect.table(source)
                    + " AS S ON T."
                    + p
                    + " = S."
                    + p
                    + " WHEN MATCHED THEN UPDATE SET "
                    + points
                    + " = S."
                    + points));
    assertEquals(1L, selectAll(games).get(0).get("points"));
  }

  @Test
  void addColumnsAppendsNullableColumns() {
    warehouse.createTable(games, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    warehouse.addColumns(games, List.of(Column.nullable("minutes", ColumnType.FLOAT64)));
    TableSchema schema = warehouse.schema(games).orElseThrow();
    assertEquals(ColumnType.FLOAT64, schema.column("minutes").orElseThrow().type());
    assertEquals(null, selectAll(games).get(0).get("minutes"));
    assertThrows(
        WarehouseException.class,
        () -> warehouse.addColumns(games, List.of(Column.nullable("minutes", ColumnType.FLOAT64))));
  }

  @Test
  void concurrentAppendsFromManyThreadsAreAllKept() throws Exception {
    warehouse.createTable(games, allTypes());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  long written = 0;
                  for (int batch = 0; batch < 5; batch++) {
                    List<Row> rows = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                      rows.add(row(DAY, "p" + thread + "_" + batch + "_" + i, i));
                    }
                    written += warehouse.append(games, rows);
                  }
                  return written;
                }));
      }
      long total = 0;
      for (Future<Long> future : futures) {
        total += future.get(60, TimeUnit.SECONDS);
      }
      assertEquals(1000, total);
      assertEquals(1000, count(games));
      List<Row> rows = selectAll(games);
      assertEquals(
          1000,
          rows.stream().map(r -> r.getString("player_lookup").orElseThrow()).distinct().count());
    } finally {
      pool.shutdownNow();
    }
  }
}
