package io.github.courtside.core.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.SqlStatement;
import io.github.courtside.core.warehouse.SqlValue;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schema reconciliation and rendering, without an engine (the DuckDB tests run the SQL). */
class MergePlannerTest {
  private static final TableId MAIN = TableId.of("nba", "predictions");
  private static final TableId S1 = MAIN.sibling("_staging_1");
  private static final TableId S2 = MAIN.sibling("_staging_2");
  private static final LocalDate DAY = LocalDate.parse("2026-02-01");

  private static TableSchema.Builder base() {
    return TableSchema.builder()
        .column(Column.required("game_date", ColumnType.DATE))
        .column(Column.required("player", ColumnType.STRING))
        .column(Column.nullable("line", ColumnType.FLOAT64))
        .column(Column.required("created_at", ColumnType.TIMESTAMP));
  }

  private static TableSchema main() {
    return base()
        .column(Column.nullable("points", ColumnType.FLOAT64))
        .column(Column.nullable("model", ColumnType.STRING).withDefault("v1"))
        .column(Column.nullable("updated_at", ColumnType.TIMESTAMP))
        .partitionBy("game_date")
        .build();
  }

  private static MergeSpec spec(SchemaChangePolicy policy) {
    return MergeSpec.builder(MAIN)
        .mergeKey("player", "line")
        .newestBy("created_at")
        .excludeFromUpdate("created_at")
        .refreshOnWrite("updated_at")
        .schemaChangePolicy(policy)
        .build();
  }

  private static Map<TableId, TableSchema> staging(TableSchema... schemas) {
    Map<TableId, TableSchema> tables = new LinkedHashMap<>();
    for (int i = 0; i < schemas.length; i++) {
      tables.put(MAIN.sibling("_staging_" + (i + 1)), schemas[i]);
    }
    return tables;
  }

  @Test
  void H2_aColumnMissingFromALaterTableIsTakenOnlyFromTablesThatHaveIt() {
    MergePlan plan =
        MergePlanner.plan(
            spec(SchemaChangePolicy.FAIL),
            main(),
            staging(base().column("points", ColumnType.FLOAT64).build(), base().build()),
            DAY);
    MergePlan.SourceColumn points =
        plan.columns().stream().filter(c -> c.name().equals("points")).findFirst().orElseThrow();
    assertEquals(List.of(S1), points.presentIn());
    String sql = plan.renderMerge(SqlDialect.duckDb(), Instant.EPOCH).toString();
    assertTrue(
        sql.contains(
            "\"points\" = CASE WHEN S.\"_courtside_has_points\" THEN S.\"points\" ELSE T.\"points\""
                + " END"),
        sql);
    assertTrue(
        sql.contains(
            "CAST(NULL AS DOUBLE) AS \"points\", FALSE AS \"_courtside_has_points\", 1 AS"
                + " \"_courtside_src\" FROM \"nba\".\"_staging_2\""),
        sql);
  }

  @Test
  void H2_extraColumnsInAnyTableFailNamingThemUnderFail() {
    SchemaMismatchException error =
        assertThrows(
            SchemaMismatchException.class,
            () ->
                MergePlanner.plan(
                    spec(SchemaChangePolicy.FAIL),
                    main(),
                    staging(
                        base().build(),
                        base().column("vegas_line_source", ColumnType.STRING).build()),
                    DAY));
    assertEquals(List.of("vegas_line_source"), error.columns());
    assertTrue(error.getMessage().contains(S2.toString()), error.getMessage());
  }

  @Test
  void mistypedColumnsFailNamingThem() {
    SchemaMismatchException error =
        assertThrows(
            SchemaMismatchException.class,
            () ->
                MergePlanner.plan(
                    spec(SchemaChangePolicy.APPEND_NEW_COLUMNS),
                    main(),
                    staging(base().column("points", ColumnType.STRING).build()),
                    DAY));
    assertEquals(List.of("points"), error.columns());
    assertEquals(S1, error.schemaTable());
  }

  @Test
  void keysMustBePresentInEveryStagingTable() {
    TableSchema noLine =
        TableSchema.builder()
            .column(Column.required("game_date", ColumnType.DATE))
            .column(Column.required("player", ColumnType.STRING))
            .column(Column.required("created_at", ColumnType.TIMESTAMP))
            .build();
    SchemaMismatchException error =
        assertThrows(
            SchemaMismatchException.class,
            () -> MergePlanner.plan(spec(SchemaChangePolicy.FAIL), main(), staging(noLine), DAY));
    assertEquals(List.of("line"), error.columns());
  }

  @Test
  void requiredMainColumnsWithoutDefaultMustBeStagedEverywhere() {
    TableSchema strict =
        main().toBuilder().column(Column.required("system_id", ColumnType.STRING)).build();
    SchemaMismatchException error =
        assertThrows(
            SchemaMismatchException.class,
            () ->
                MergePlanner.plan(
                    spec(SchemaChangePolicy.FAIL), strict, staging(base().build()), DAY));
    assertEquals(List.of("system_id"), error.columns());
  }

  @Test
  void I6_keysExcludedAndRefreshColumnsAreNeverSetFromStaging() {
    MergePlan plan =
        MergePlanner.plan(
            spec(SchemaChangePolicy.FAIL),
            main(),
            staging(base().column("updated_at", ColumnType.TIMESTAMP).build()),
            DAY);
    SqlStatement merge =
        plan.renderMerge(SqlDialect.googleSql(), Instant.parse("2026-02-01T10:00:00Z"));
    String sql = merge.toString();
    String set = sql.substring(sql.indexOf("UPDATE SET"), sql.indexOf("WHEN NOT MATCHED"));
    assertEquals(
        "UPDATE SET `updated_at` = @merged_at\n",
        set,
        "created_at excluded, keys never updated, updated_at assigned once");
    assertEquals(
        SqlValue.of(Instant.parse("2026-02-01T10:00:00Z"), ColumnType.TIMESTAMP),
        merge.parameters().get("merged_at"));
  }

  @Test
  void googleSqlRenderingIsLosslessNullSafeAndPartitionScoped() {
    MergePlan plan =
        MergePlanner.plan(spec(SchemaChangePolicy.FAIL), main(), staging(base().build()), DAY);
    SqlStatement merge = plan.renderMerge(SqlDialect.googleSql(), Instant.EPOCH);
    String sql = merge.toString();
    assertEquals(SqlValue.of(DAY, ColumnType.DATE), merge.parameters().get("partition_date"));
    assertTrue(sql.startsWith("MERGE INTO `nba.predictions` AS T"), sql);
    assertTrue(sql.contains("PARTITION BY `player`, FORMAT('%.17g', `line` + 0.0)"), sql);
    assertTrue(sql.contains("ORDER BY `created_at` DESC NULLS LAST"), sql);
    assertTrue(sql.contains("WHERE `game_date` = @partition_date"), "H-9: " + sql);
    assertTrue(
        sql.contains(
            "ON T.`game_date` = @partition_date AND T.`player` = S.`player` AND T.`line` IS NOT"
                + " DISTINCT FROM S.`line`"),
        "I-16, I-2: " + sql);
    assertFalse(sql.contains("INT64"), "H-1: " + sql);
    assertTrue(
        sql.contains("INSERT (`game_date`, `player`, `line`, `created_at`, `updated_at`)"), sql);
  }

  @Test
  void intersectReportsIgnoredColumnsAndAppendAddsThemNullable() {
    Map<TableId, TableSchema> tables =
        staging(base().column(Column.required("extra", ColumnType.INT64)).build());
    MergePlan intersect =
        MergePlanner.plan(spec(SchemaChangePolicy.INTERSECT), main(), tables, DAY);
    assertEquals(Map.of("extra", List.of(S1)), intersect.ignoredColumns());
    assertFalse(
        intersect.renderMerge(SqlDialect.duckDb(), Instant.EPOCH).toString().contains("extra"));
    MergePlan append =
        MergePlanner.plan(spec(SchemaChangePolicy.APPEND_NEW_COLUMNS), main(), tables, DAY);
    assertEquals(List.of(Column.nullable("extra", ColumnType.INT64)), append.addedColumns());
    assertTrue(append.mainSchema().hasColumn("extra"));
  }

  @Test
  void jsonKeysAndMissingOrderingColumnsAreRefused() {
    TableSchema withJson =
        main().toBuilder().column(Column.nullable("features", ColumnType.JSON)).build();
    MergeSpec jsonKey =
        MergeSpec.builder(MAIN).mergeKey("player", "features").newestBy("created_at").build();
    SchemaMismatchException error =
        assertThrows(
            SchemaMismatchException.class,
            () -> MergePlanner.plan(jsonKey, withJson, staging(base().build()), DAY));
    assertEquals(List.of("features"), error.columns());
    MergeSpec badOrdering = MergeSpec.builder(MAIN).mergeKey("player").newestBy("nope").build();
    assertEquals(
        List.of("nope"),
        assertThrows(
                SchemaMismatchException.class,
                () -> MergePlanner.plan(badOrdering, main(), staging(base().build()), DAY))
            .columns());
  }

  @Test
  void columnsDifferingOnlyInCaseAreOneColumn() {
    MergePlan plan =
        MergePlanner.plan(
            spec(SchemaChangePolicy.APPEND_NEW_COLUMNS),
            main(),
            staging(
                base().column("Vegas_Source", ColumnType.STRING).build(),
                base().column("vegas_source", ColumnType.STRING).build()),
            DAY);
    assertEquals(List.of("Vegas_Source"), plan.addedColumns().stream().map(Column::name).toList());
    MergePlan.SourceColumn column =
        plan.columns().stream()
            .filter(c -> c.name().equalsIgnoreCase("vegas_source"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, column.presentIn().size(), "taken from both tables");
    SchemaMismatchException refused =
        assertThrows(
            SchemaMismatchException.class,
            () ->
                MergePlanner.plan(
                    spec(SchemaChangePolicy.FAIL),
                    main(),
                    staging(
                        base().column("Vegas_Source", ColumnType.STRING).build(),
                        base().column("vegas_source", ColumnType.STRING).build()),
                    DAY));
    assertEquals(List.of("Vegas_Source"), refused.columns());
  }

  @Test
  void int64StagedIntoAFloatOrNumericColumnIsCastNotRefused() {
    MergePlan plan =
        MergePlanner.plan(
            spec(SchemaChangePolicy.FAIL),
            main(),
            staging(base().column("points", ColumnType.INT64).build()),
            DAY);
    assertEquals(List.of(), plan.widenedColumns());
    String sql = plan.renderMerge(SqlDialect.googleSql(), Instant.EPOCH).toString();
    assertTrue(sql.contains("CAST(`points` AS FLOAT64) AS `points`"), sql);
  }

  @Test
  void wideningAnInt64MainColumnFollowsThePolicy() {
    TableSchema mainWithInts =
        main().toBuilder().column(Column.nullable("minutes", ColumnType.INT64)).build();
    TableSchema stagedWider = base().column("minutes", ColumnType.FLOAT64).build();
    SchemaMismatchException refused =
        assertThrows(
            SchemaMismatchException.class,
            () ->
                MergePlanner.plan(
                    spec(SchemaChangePolicy.FAIL), mainWithInts, staging(stagedWider), DAY));
    assertEquals(List.of("minutes"), refused.columns());
    assertTrue(refused.getMessage().contains("widening"), refused.getMessage());

    MergePlan intersect =
        MergePlanner.plan(
            spec(SchemaChangePolicy.INTERSECT), mainWithInts, staging(stagedWider), DAY);
    assertEquals(List.of(S1), intersect.ignoredColumns().get("minutes"));
    assertTrue(intersect.columns().stream().noneMatch(c -> c.name().equals("minutes")));

    MergePlan widened =
        MergePlanner.plan(
            spec(SchemaChangePolicy.APPEND_NEW_COLUMNS),
            mainWithInts,
            staging(stagedWider, base().column("minutes", ColumnType.INT64).build()),
            DAY);
    assertEquals(List.of(Column.nullable("minutes", ColumnType.FLOAT64)), widened.widenedColumns());
    assertEquals(ColumnType.FLOAT64, widened.mainSchema().column("minutes").orElseThrow().type());
    String sql = widened.renderMerge(SqlDialect.duckDb(), Instant.EPOCH).toString();
    assertTrue(sql.contains("CAST(\"minutes\" AS DOUBLE) AS \"minutes\""), sql);
  }
}
