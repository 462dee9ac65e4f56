package io.github.courtside.core.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableSchemaTest {

  private static TableSchema predictions() {
    return TableSchema.builder()
        .column(Column.required("game_date", ColumnType.DATE))
        .column(Column.required("player_lookup", ColumnType.STRING))
        .column(Column.nullable("line_value", ColumnType.FLOAT64))
        .column(Column.nullable("is_active", ColumnType.BOOL).withDefault(true))
        .partitionBy("game_date")
        .clusterBy("player_lookup")
        .build();
  }

  @Test
  void keepsColumnOrderAndLooksUpNamesIgnoringCase() {
    TableSchema schema = predictions();
    assertEquals(
        List.of("game_date", "player_lookup", "line_value", "is_active"), schema.columnNames());
    assertEquals(ColumnType.FLOAT64, schema.column("LINE_VALUE").orElseThrow().type());
    assertTrue(schema.partitionColumn().isPresent());
    assertFalse(schema.hasColumn("points"));
  }

  @Test
  void toBuilderAndColumnsAppendAndEqualSchemasAreEqual() {
    TableSchema schema = predictions();
    TableSchema wider =
        schema.toBuilder().columns(List.of(Column.nullable("points", ColumnType.INT64))).build();
    assertEquals(
        List.of("game_date", "player_lookup", "line_value", "is_active", "points"),
        wider.columnNames());
    assertEquals(Optional.of("game_date"), wider.partitionColumn());
    assertEquals(List.of("player_lookup"), wider.clustering());
    assertEquals(predictions(), schema);
    assertEquals(predictions().hashCode(), schema.hashCode());
    assertFalse(wider.equals(schema));
    assertTrue(wider.toString().contains("points INT64"), wider.toString());
  }

  @Test
  void refusesDuplicateColumnsIgnoringCase() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TableSchema.builder()
                    .column("Points", ColumnType.INT64)
                    .column("points", ColumnType.INT64)
                    .build());
    assertTrue(String.valueOf(error.getMessage()).contains("points"));
  }

  @Test
  void partitionColumnMustBeAnExistingDate() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TableSchema.builder().column("line", ColumnType.FLOAT64).partitionBy("line").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> TableSchema.builder().column("line", ColumnType.FLOAT64).partitionBy("day").build());
  }

  @Test
  void defaultMustMatchColumnType() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Column.nullable("is_active", ColumnType.BOOL).withDefault("yes"));
  }

  @Test
  void toBuilderAddsColumnsWithoutChangingTheOriginal() {
    TableSchema schema = predictions();
    TableSchema wider = schema.toBuilder().column("model_version", ColumnType.STRING).build();
    assertEquals(schema.columns().size() + 1, wider.columns().size());
    assertEquals(predictions(), schema);
  }

  @Test
  void tableIdsAreValidatedIdentifiers() {
    assertEquals("nba.player_game", TableId.parse("nba.player_game").qualifiedName());
    assertThrows(IllegalArgumentException.class, () -> TableId.of("nba", "player-game"));
    assertThrows(IllegalArgumentException.class, () -> TableId.parse("a.b.c"));
    assertThrows(IllegalArgumentException.class, () -> TableId.parse("nba."));
    assertThrows(IllegalArgumentException.class, () -> TableId.parse("Bad_Project.nba.t"));
  }

  @Test
  void tableIdsMayNameAProject() {
    TableId plain = TableId.of("nba", "player_game");
    TableId qualified = TableId.parse("analytics-prod.nba.player_game");
    assertEquals(Optional.of("analytics-prod"), qualified.project());
    assertEquals("analytics-prod.nba.player_game", qualified.qualifiedName());
    assertEquals(plain, qualified.withoutProject());
    assertEquals(qualified, plain.inProject("analytics-prod"));
    assertFalse(plain.equals(qualified), "a project makes another table id");
    assertEquals(qualified.project(), qualified.sibling("_staging_x").project());
    TableId domain = TableId.parse("example.com:analytics.nba.t");
    assertEquals(Optional.of("example.com:analytics"), domain.project());
    assertEquals("nba", domain.dataset());
    assertEquals(plain, TableId.parse("nba.player_game"));
  }

  @Test
  void rowsKeepExplicitNullsApartFromAbsentColumns() {
    Row row =
        Row.builder().set("line_value", null).set("game_date", LocalDate.of(2024, 4, 10)).build();
    assertTrue(row.has("line_value"));
    assertFalse(row.has("points"));
    assertTrue(row.getDouble("line_value").isEmpty());
    assertEquals(LocalDate.of(2024, 4, 10), row.getDate("game_date").orElseThrow());
    assertThrows(ClassCastException.class, () -> row.getString("game_date"));
  }
}
