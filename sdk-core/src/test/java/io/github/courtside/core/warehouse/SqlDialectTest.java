package io.github.courtside.core.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SqlDialectTest {
  private final SqlDialect google = SqlDialect.googleSql();
  private final SqlDialect duck = SqlDialect.duckDb();

  @Test
  void theFirstValueInOrderIsAnOrderedAggregateAndBigQueryGetsItsDefaultNullOrder() {
    String order = "\"c\" DESC NULLS LAST, \"k\" ASC NULLS FIRST";
    assertEquals("first(\"k\" ORDER BY " + order + ")", duck.firstInOrder("\"k\"", order));
    assertEquals(
        "ARRAY_AGG(STRUCT(`k` AS v) ORDER BY `c` DESC, `k` ASC LIMIT 1)[OFFSET(0)].v",
        google.firstInOrder("`k`", "`c` DESC NULLS LAST, `k` asc nulls first"));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> google.firstInOrder("`k`", "`c` DESC NULLS FIRST"));
    assertTrue(refused.getMessage().contains("NULLS FIRST"), refused.getMessage());
  }

  @Test
  void tablesAndIdentifiersAreQuotedPerDialect() {
    TableId table = TableId.of("nba", "player_game");
    assertEquals("`nba.player_game`", google.table(table));
    assertEquals("\"nba\".\"player_game\"", duck.table(table));
    assertEquals("`my-proj.nba.player_game`", google.table(table.inProject("my-proj")));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> duck.table(table.inProject("my-proj")));
    assertTrue(refused.getMessage().contains("my-proj"));
  }

  @Test
  void googleSqlEscapesControlCharactersThatWouldEndALiteral() {
    assertEquals("'a\\nb\\tc\\\\d'", google.literal("a\nb\tc\\d", ColumnType.STRING));
    assertEquals("'\\u0001'", google.literal("\u0001", ColumnType.STRING));
    assertEquals("'a\nb'", duck.literal("a\nb", ColumnType.STRING));
  }

  @Test
  void literalsEscapeAndTypeTheirValues() {
    assertEquals("'it\\'s'", google.literal("it's", ColumnType.STRING));
    assertEquals("'it''s'", duck.literal("it's", ColumnType.STRING));
    assertEquals("CAST(NULL AS FLOAT64)", google.literal(null, ColumnType.FLOAT64));
    assertEquals("CAST(NULL AS DOUBLE)", duck.literal(null, ColumnType.FLOAT64));
    assertEquals("DATE '2024-04-10'", duck.literal(LocalDate.parse("2024-04-10"), ColumnType.DATE));
    assertEquals(
        "TIMESTAMP '2024-04-10 18:30:00.123456+00'",
        google.literal(Instant.parse("2024-04-10T18:30:00.123456Z"), ColumnType.TIMESTAMP));
    assertEquals(
        "CAST('24.10' AS DECIMAL(38,9))",
        duck.literal(new BigDecimal("24.10"), ColumnType.NUMERIC));
    assertEquals("CAST(22.5 AS FLOAT64)", google.literal(22.5, ColumnType.FLOAT64));
    assertThrows(IllegalArgumentException.class, () -> duck.literal(1, ColumnType.INT64));
  }

  @Test
  void I1_googleSqlGroupsFloatsThroughTheirExactText() {
    assertEquals("FORMAT('%.17g', x + 0.0)", google.groupingKey("x", ColumnType.FLOAT64));
    assertEquals("x", google.groupingKey("x", ColumnType.STRING));
    assertEquals("x", duck.groupingKey("x", ColumnType.FLOAT64));
  }

  @Test
  void I2_keyEqualityIsNullSafe() {
    assertEquals(
        "T.a IS NOT DISTINCT FROM S.a", duck.nullSafeEquals("T.a", "S.a", ColumnType.FLOAT64));
    assertEquals(
        "TO_JSON_STRING(T.j) IS NOT DISTINCT FROM TO_JSON_STRING(S.j)",
        google.nullSafeEquals("T.j", "S.j", ColumnType.JSON));
  }
}
