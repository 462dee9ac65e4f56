package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WarehouseAppendSink} against the real embedded warehouse: load semantics (a failing append
 * writes nothing), validation that dead-letters only the offending rows, and NaN stored as NULL.
 */
class WarehouseAppendSinkTest {
  private static final TableId TABLE = TableId.of("nba_predictions", "_staging_b1_w7");
  private static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("player_lookup", ColumnType.STRING))
          .column(Column.nullable("predicted_points", ColumnType.FLOAT64))
          .build();

  private final ManualClock clock = ManualClock.at("2026-02-07T15:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();
  private final List<DeadLetter> deadLetters = new ArrayList<>();

  private BatchWriter writer(BatchSink sink) {
    return BatchWriter.builder(sink)
        .config(BatchWriterConfig.builder().maxRows(3).closeTimeout(Duration.ZERO).build())
        .clock(clock)
        .scheduler(scheduler)
        .deadLetters(deadLetters::add)
        .build();
  }

  private static Row good(String player) {
    return Row.builder().set("player_lookup", player).set("predicted_points", 20.5).build();
  }

  private static Row withUnknownColumn(String player) {
    return good(player).toBuilder().set("vegas_line_source", "draftkings").build();
  }

  @AfterEach
  void closeWarehouse() {
    warehouse.close();
  }

  @Test
  void I9_withoutValidationOneRowWithAColumnTheTableLacksFailsTheWholeLoad() {
    warehouse.createTable(TABLE, SCHEMA);
    BatchWriter writer = writer(new WarehouseAppendSink(warehouse, TABLE));
    writer.addAll(List.of(good("a"), withUnknownColumn("b"), good("c")));
    scheduler.runUntilIdle();
    assertEquals(0, rows(TABLE).size(), "load semantics: nothing written");
    assertEquals(3, deadLetters.size(), "but nothing is lost silently either");
    assertTrue(deadLetters.get(0).reason().contains("vegas_line_source"));
  }

  @Test
  void I9_validatingSinkDeadLettersOnlyTheRowsThatCannotLoadNamingTheColumn() {
    warehouse.createTable(TABLE, SCHEMA);
    BatchWriter writer = writer(WarehouseAppendSink.validating(warehouse, TABLE));
    writer.addAll(List.of(good("a"), withUnknownColumn("b"), good("c")));
    scheduler.runUntilIdle();
    assertEquals(List.of(good("a"), good("c")), rows(TABLE));
    assertEquals(1, deadLetters.size());
    String reason = deadLetters.get(0).reason();
    assertTrue(reason.contains("row 1 of " + TABLE), reason);
    assertTrue(reason.contains("column vegas_line_source UNKNOWN_COLUMN"), reason);
    assertEquals(2, writer.stats().written());
  }

  @Test
  void I18_validatingSinkStoresNanAsNullInsteadOfFailingTheLoad() {
    warehouse.createTable(TABLE, SCHEMA);
    BatchWriter writer = writer(WarehouseAppendSink.validating(warehouse, TABLE));
    writer.add(good("a").toBuilder().set("predicted_points", Double.NaN).build());
    writer.flush();
    scheduler.runUntilIdle();
    assertEquals(1, rows(TABLE).size());
    assertTrue(rows(TABLE).get(0).has("predicted_points"));
    assertEquals(null, rows(TABLE).get(0).get("predicted_points"));
  }

  @Test
  void aMissingTableIsAPermanentFailure() {
    BatchWriter writer = writer(WarehouseAppendSink.validating(warehouse, TABLE));
    writer.addAll(List.of(good("a"), good("b"), good("c")));
    scheduler.runUntilIdle();
    assertEquals(3, deadLetters.size());
    assertTrue(deadLetters.get(0).reason().startsWith("permanent failure"));
    assertTrue(deadLetters.get(0).reason().contains("does not exist"));
  }

  private List<Row> rows(TableId table) {
    return warehouse.query("SELECT * FROM " + table.qualifiedName() + " ORDER BY player_lookup");
  }
}
