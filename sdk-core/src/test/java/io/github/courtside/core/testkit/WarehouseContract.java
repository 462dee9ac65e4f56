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
import io.github.courtside.core.warehouse.SqlStatement;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
            SqlStatement.builder()
                .append(insertSql(games, row(DAY, "a", 1)))
                .append(", ")
                .append(values(row(NEXT_DAY, "b", 2)))
                .build()));
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
    DmlResult merged =
        warehouse.execute(
            mergeFromSource(source)
                + " WHEN MATCHED THEN UPDATE SET "
                + dialect.identifier("points")
                + " = S."
                + dialect.identifier("points")
                + insertWhenNotMatched());
    assertEquals(new DmlResult(1, 2, 0), merged);
    assertEquals(4, count(games));
  }

  /**
   * The counts are the rows each action changed, whatever way the warehouse reads them: a matched
   * row that no action's condition admits is not counted, a DELETE action is, and a MERGE in a
   * guarded transaction next to another write counts only its own rows.
   */
  @Test
  void mergeCountsOnlyTheRowsEachActionChangedAlsoInATransactionAndWithADeleteAction() {
    warehouse.createTable(games, allTypes());
    TableId source = games.sibling("source");
    warehouse.createTable(source, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1), row(DAY, "b", 2), row(DAY, "z", 9)));
    warehouse.append(
        source, List.of(row(DAY, "a", 10), row(DAY, "b", 2), row(DAY, "c", 30), row(DAY, "d", 40)));
    String points = dialect.identifier("points");
    String head = mergeFromSource(source);
    String insert = insertWhenNotMatched();
    // b is matched but unchanged: no action admits it
    SqlStatement conditional =
        SqlStatement.of(
            head
                + " WHEN MATCHED AND T."
                + points
                + " <> S."
                + points
                + " THEN UPDATE SET "
                + points
                + " = S."
                + points
                + insert);
    List<DmlResult> results =
        warehouse.transaction(
            WriteGuard.none(), List.of(insertSql(games, row(NEXT_DAY, "y", 5)), conditional));
    assertEquals(List.of(new DmlResult(1, 0, 0), new DmlResult(2, 1, 0)), results);
    assertEquals(6, count(games));
    DmlResult deleting =
        warehouse.execute(
            head
                + " WHEN MATCHED AND S."
                + points
                + " = 2 THEN DELETE WHEN MATCHED THEN UPDATE SET "
                + points
                + " = S."
                + points
                + " + 1");
    assertEquals(new DmlResult(0, 3, 1), deleting);
    assertEquals(5, count(games));
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
                    SqlStatement.of(
                        "UPDATE " + dialect.table(games) + " SET no_such_column = 1 WHERE TRUE"))));
    assertEquals(1, count(games), "the first insert was rolled back");
    assertEquals(1L, selectAll(games).get(0).get("points"), "the first update was rolled back");
  }

  /** {@code MERGE INTO games AS T USING source AS S ON T.player_lookup = S.player_lookup}. */
  private String mergeFromSource(TableId source) {
    String p = dialect.identifier("player_lookup");
    return "MERGE INTO "
        + dialect.table(games)
        + " AS T USING "
        + dialect.table(source)
        + " AS S ON T."
        + p
        + " = S."
        + p;
  }

  /** The source row's date, player and points inserted when no target row matches. */
  private String insertWhenNotMatched() {
    String columns =
        Stream.of("game_date", "player_lookup", "points")
            .map(dialect::identifier)
            .collect(Collectors.joining(", "));
    String values =
        Stream.of("game_date", "player_lookup", "points")
            .map(c -> "S." + dialect.identifier(c))
            .collect(Collectors.joining(", "));
    return " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + values + ")";
  }

  /** {@code INSERT INTO table (columns of row) VALUES (...)} with the values as parameters. */
  protected SqlStatement insertSql(TableId table, Row row) {
    List<String> names = new ArrayList<>();
    for (String column : row.columns()) {
      names.add(dialect.identifier(column));
    }
    return SqlStatement.builder()
        .append(
            "INSERT INTO " + dialect.table(table) + " (" + String.join(", ", names) + ") VALUES ")
        .append(values(row))
        .build();
  }

  /** {@code (?, ...)} of a row of {@link #allTypes()}: its values as parameters. */
  protected SqlStatement values(Row row) {
    TableSchema schema = allTypes();
    SqlStatement.Builder values = SqlStatement.builder().append("(");
    String separator = "";
    for (String column : row.columns()) {
      values.append(separator).value(row.get(column), schema.column(column).orElseThrow().type());
      separator = ", ";
    }
    return values.append(")").build();
  }

  private SqlStatement updatePointsSql(String player, long points) {
    return SqlStatement.builder()
        .append("UPDATE " + dialect.table(games) + " SET " + dialect.identifier("points") + " = ")
        .value(points, ColumnType.INT64)
        .append(" WHERE " + dialect.identifier("player_lookup") + " = ")
        .value(player, ColumnType.STRING)
        .build();
  }

  /** Strings that break an escaped literal that is escaped wrongly. */
  protected static final List<String> HOSTILE_STRINGS =
      List.of(
          "it's",
          "back\\slash",
          "\\'",
          "'; DROP TABLE nba.player_game; --",
          "\"double\" `back` @name ? $1",
          "line\nbreak\r\ttab",
          "Don\u010di\u0107 \ud83c\udfc0 \u6771\u4eac",
          "");

  private static TableSchema valueSchema() {
    return TableSchema.builder()
        .column(Column.required("k", ColumnType.INT64))
        .column(Column.nullable("s", ColumnType.STRING))
        .column(Column.nullable("d", ColumnType.DATE))
        .column(Column.nullable("ts", ColumnType.TIMESTAMP))
        .column(Column.nullable("n", ColumnType.NUMERIC))
        .column(Column.nullable("f", ColumnType.FLOAT64))
        .column(Column.nullable("b", ColumnType.BOOL))
        .build();
  }

  /** Row {@code k} of the value table: each hostile string with an extreme date/time/number. */
  private static Row valueRow(long k) {
    int i = (int) k;
    List<LocalDate> dates =
        List.of(LocalDate.parse("0001-01-01"), LocalDate.parse("9999-12-31"), DAY);
    List<Instant> instants =
        List.of(
            Instant.parse("0001-01-01T00:00:00.000001Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"),
            Instant.parse("2024-04-10T19:30:00.123456Z"));
    List<BigDecimal> numbers =
        List.of(
            new BigDecimal("99999999999999999999999999999.999999999"),
            new BigDecimal("-0.000000001"),
            new BigDecimal("12345.678900000"));
    return Row.builder()
        .set("k", k)
        .set("s", HOSTILE_STRINGS.get(i % HOSTILE_STRINGS.size()))
        .set("d", dates.get(i % dates.size()))
        .set("ts", instants.get(i % instants.size()))
        .set("n", numbers.get(i % numbers.size()))
        .set("f", i % 2 == 0 ? -1.5e-300 : 22.5)
        .set("b", i % 2 == 0)
        .build();
  }

  private SqlStatement insertValues(TableId table, Row row) {
    SqlStatement.Builder insert =
        SqlStatement.builder().append("INSERT INTO " + dialect.table(table) + " (");
    insert.append(
        String.join(", ", row.columns().stream().map(dialect::identifier).toList()) + ") VALUES (");
    String separator = "";
    for (String column : row.columns()) {
      insert
          .append(separator)
          .value(column, row.get(column), valueSchema().column(column).orElseThrow().type());
      separator = ", ";
    }
    return insert.append(")").build();
  }

  private static void assertSameValues(Row expected, Row actual) {
    for (String column : expected.columns()) {
      Object want = expected.get(column);
      Object got = actual.get(column);
      if (want instanceof BigDecimal number && got instanceof BigDecimal read) {
        assertEquals(0, number.compareTo(read), column + ": " + number + " read as " + read);
      } else {
        assertEquals(want, got, "column " + column + " of row " + expected.get("k"));
      }
    }
  }

  @Test
  void parameterValuesRoundTripExactlyThroughExecuteAndQuery() {
    TableId values = games.sibling("parameter_values");
    warehouse.createTable(values, valueSchema());
    int n = HOSTILE_STRINGS.size();
    for (long k = 0; k < n; k++) {
      assertEquals(DmlResult.inserted(1), warehouse.execute(insertValues(values, valueRow(k))));
    }
    warehouse.execute(
        insertValues(
            values, Row.builder().set("k", (long) n).set("s", null).set("d", null).build()));
    assertEquals(n + 1, count(values), "a '; DROP TABLE value dropped nothing");
    for (long k = 0; k < n; k++) {
      Row expected = valueRow(k);
      // every value as a parameter in the WHERE clause, the string twice (a repeated placeholder)
      SqlStatement.Builder select =
          SqlStatement.builder().append("SELECT * FROM " + dialect.table(values) + " WHERE ");
      String separator = "";
      for (String column : List.of("s", "d", "ts", "n", "b")) {
        select
            .append(separator + dialect.identifier(column) + " = ")
            .value(column, expected.get(column), valueSchema().column(column).orElseThrow().type());
        separator = " AND ";
      }
      select
          .append(" AND LENGTH(" + dialect.identifier("s") + ") = LENGTH(")
          .value("s", expected.get("s"), ColumnType.STRING)
          .append(")");
      List<Row> rows = warehouse.query(select.build());
      assertEquals(1, rows.size(), "row " + k + " found by its own values " + expected);
      assertSameValues(expected, rows.get(0));
    }
    Row nulls =
        warehouse
            .query(
                SqlStatement.builder()
                    .append(
                        "SELECT COUNT(*) AS n FROM "
                            + dialect.table(values)
                            + " WHERE "
                            + dialect.identifier("s")
                            + " IS NOT DISTINCT FROM ")
                    .value("s", null, ColumnType.STRING)
                    .build())
            .get(0);
    assertEquals(1L, nulls.get("n"), "a NULL parameter is a NULL");
  }

  @Test
  void selectedParametersComeBackAsTheirTypedValues() {
    Row sample = valueRow(1);
    for (String column : List.of("s", "d", "ts", "n", "f", "b", "k")) {
      ColumnType type = valueSchema().column(column).orElseThrow().type();
      Row row =
          warehouse
              .query(
                  SqlStatement.builder()
                      .append("SELECT ")
                      .value("v", sample.get(column), type)
                      .append(" AS v, ")
                      .value("nothing", null, type)
                      .append(" AS none")
                      .build())
              .get(0);
      assertSameValues(Row.builder().set("v", sample.get(column)).build(), row);
      assertEquals(null, row.get("none"), "a typed NULL of " + type);
    }
    for (String text : HOSTILE_STRINGS) {
      assertEquals(
          text,
          warehouse
              .query(
                  SqlStatement.builder()
                      .append("SELECT ")
                      .value("v", text, ColumnType.STRING)
                      .append(" AS v")
                      .build())
              .get(0)
              .get("v"));
    }
  }

  @Test
  void aTransactionBindsTheParametersOfItsGuardAndOfEachStatement() {
    TableId values = games.sibling("parameter_values");
    warehouse.createTable(values, valueSchema());
    warehouse.execute(insertValues(values, valueRow(3)));
    // the guard and both statements bind a parameter named s, each to another value
    WriteGuard guard =
        WriteGuard.of(
            SqlStatement.builder()
                .append("(SELECT COUNT(*) FROM " + dialect.table(values) + " WHERE ")
                .append(dialect.identifier("s") + " = ")
                .value("s", valueRow(3).get("s"), ColumnType.STRING)
                .append(") = 1")
                .build(),
            "row 3 holds its hostile string");
    List<DmlResult> results =
        warehouse.transaction(
            guard,
            List.of(
                insertValues(values, valueRow(4)),
                SqlStatement.builder()
                    .append("UPDATE " + dialect.table(values) + " SET ")
                    .append(dialect.identifier("s") + " = ")
                    .value("s", "it''s \\n", ColumnType.STRING)
                    .append(" WHERE " + dialect.identifier("k") + " = ")
                    .value("k", 3L, ColumnType.INT64)
                    .build()));
    assertEquals(List.of(DmlResult.inserted(1), DmlResult.updated(1)), results);
    Row updated =
        warehouse
            .query(
                SqlStatement.builder()
                    .append("SELECT * FROM " + dialect.table(values) + " WHERE ")
                    .append(dialect.identifier("k") + " = ")
                    .value("k", 3L, ColumnType.INT64)
                    .build())
            .get(0);
    assertEquals("it''s \\n", updated.get("s"));
    assertSameValues(
        valueRow(4),
        warehouse
            .query(
                SqlStatement.builder()
                    .append("SELECT * FROM " + dialect.table(values) + " WHERE ")
                    .append(dialect.identifier("k") + " = ")
                    .value("k", 4L, ColumnType.INT64)
                    .build())
            .get(0));
    // the same guard, now false (row 3's string changed): nothing written
    assertThrows(
        WriteGuardRefusedException.class,
        () -> warehouse.transaction(guard, List.of(insertValues(values, valueRow(5)))));
    assertEquals(2, count(values));
  }

  @Test
  void mergeWithTwoSourceRowsForOneTargetRowFailsLikeBigQuery() {
    warehouse.createTable(games, allTypes());
    TableId source = games.sibling("source");
    warehouse.createTable(source, allTypes());
    warehouse.append(games, List.of(row(DAY, "a", 1)));
    warehouse.append(source, List.of(row(DAY, "a", 2), row(DAY, "a", 3)));
    String points = dialect.identifier("points");
    assertThrows(
        WarehouseException.class,
        () ->
            warehouse.execute(
                mergeFromSource(source)
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
