package io.github.courtside.bigquery.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class RowJsonTest {
  private static final Row ROW =
      Row.builder()
          .set("points", 27L)
          .set("minutes", 36)
          .set("line", 25.5)
          .set("nan", Double.NaN)
          .set("up", Double.POSITIVE_INFINITY)
          .set("amount", new BigDecimal("1E+3"))
          .set("active", true)
          .set("name", "LeBron")
          .set("game_date", LocalDate.of(2026, 1, 27))
          .set("at", Instant.parse("2026-01-27T10:15:30.123456789Z"))
          .set("gone", null)
          .build();

  @Test
  void storageWriteValues() {
    JSONObject json = RowJson.forStorageWrite(ROW);
    assertEquals(27L, json.get("points"));
    assertEquals(36L, json.get("minutes"));
    assertEquals(25.5, json.get("line"));
    assertEquals("NaN", json.get("nan"));
    assertEquals("Infinity", json.get("up"));
    assertEquals("1000", json.get("amount"));
    assertEquals(true, json.get("active"));
    assertEquals("2026-01-27", json.get("game_date"));
    assertEquals(1_769_508_930_123_456L, json.get("at"));
    assertFalse(json.has("gone"), "NULL is left out");
  }

  @Test
  void insertAllValues() {
    Map<String, Object> json = RowJson.forInsertAll(ROW);
    assertEquals("2026-01-27T10:15:30.123456Z", json.get("at"));
    assertEquals("1000", json.get("amount"));
    assertEquals("-Infinity", RowJson.forInsertAll(Row.of(Map.of("x", -1.0 / 0))).get("x"));
    assertFalse(json.containsKey("gone"));
  }

  @Test
  void anUnsupportedValueNamesTheColumn() {
    Row row = Row.builder().set("tags", List.of("a")).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RowJson.forStorageWrite(row));
    assertTrue(e.getMessage().contains("column tags"), e.getMessage());
  }

  @Test
  void theSizeEstimateIsAtLeastTheJsonText() {
    JSONObject json = RowJson.forStorageWrite(ROW);
    assertTrue(RowJson.estimateBytes(json) > json.toString().length());
    Map<String, Object> insertAll = RowJson.forInsertAll(ROW);
    assertTrue(
        RowJson.estimateBytes(insertAll, "id-1") > new JSONObject(insertAll).toString().length());
  }
}
