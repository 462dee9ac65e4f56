package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarehouseAppendSinkTest {
  private static final TableId TABLE = TableId.of("nba_predictions", "_staging_b1_w7");
  private static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("player_lookup", ColumnType.STRING))
          .column(Column.nullable("predicted_points", ColumnType.FLOAT64))
          .build();

  private final SettableClock clock = SettableClock.at("2026-02-07T15:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final StrictWarehouse warehouse = new StrictWarehouse();
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

  @Test
  void I9_withoutValidationOneRowWithAColumnTheTableLacksFailsTheWholeLoad() {
    warehouse.createTable(TABLE, SCHEMA);
    BatchWriter writer = writer(new WarehouseAppendSink(warehouse, TABLE));
    writer.addAll(List.of(good("a"), withUnknownColumn("b"), good("c")));
    scheduler.runUntilIdle();
    assertEquals(0, warehouse.rows(TABLE).size(), "load semantics: nothing written");
    assertEquals(3, deadLetters.size(), "but nothing is lost silently either");
    assertTrue(deadLetters.get(0).reason().contains("vegas_line_source"));
  }

  @Test
  void I9_validatingSinkDeadLettersOnlyTheRowsThatCannotLoadNamingTheColumn() {
    warehouse.createTable(TABLE, SCHEMA);
    BatchWriter writer = writer(WarehouseAppendSink.validating(warehouse, TABLE));
    writer.addAll(List.of(good("a"), withUnknownColumn("b"), good("c")));
    scheduler.runUntilIdle();
    assertEquals(List.of(good("a"), good("c")), warehouse.rows(TABLE));
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
    assertEquals(1, warehouse.rows(TABLE).size());
    assertTrue(warehouse.rows(TABLE).get(0).has("predicted_points"));
    assertEquals(null, warehouse.rows(TABLE).get(0).get("predicted_points"));
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

  /**
   * A minimal load-semantics warehouse for this test: refuses a whole append when any row does not
   * fit the schema, as BigQuery load jobs and DuckDB inserts do. (sdk-core has no warehouse engine;
   * the DuckDB and BigQuery modules run the real ones.)
   */
  static final class StrictWarehouse implements Warehouse {
    private final Map<TableId, TableSchema> schemas = new HashMap<>();
    private final Map<TableId, List<Row>> data = new HashMap<>();

    List<Row> rows(TableId table) {
      return data.getOrDefault(table, List.of());
    }

    @Override
    public void createTable(TableId table, TableSchema schema) {
      schemas.put(table, schema);
      data.put(table, new ArrayList<>());
    }

    @Override
    public boolean createTableIfAbsent(TableId table, TableSchema schema) {
      if (schemas.containsKey(table)) {
        return false;
      }
      createTable(table, schema);
      return true;
    }

    @Override
    public boolean dropTable(TableId table) {
      data.remove(table);
      return schemas.remove(table) != null;
    }

    @Override
    public Optional<TableSchema> schema(TableId table) {
      return Optional.ofNullable(schemas.get(table));
    }

    @Override
    public List<TableId> listTables(String dataset, String prefix) {
      return List.copyOf(schemas.keySet());
    }

    @Override
    public long append(TableId table, List<Row> rows) {
      TableSchema schema = schemas.get(table);
      if (schema == null) {
        throw new CourtsideException("no table " + table);
      }
      for (Row row : rows) {
        for (Map.Entry<String, Object> entry : row.asMap().entrySet()) {
          Column column =
              schema
                  .column(entry.getKey())
                  .orElseThrow(() -> new CourtsideException("no such field: " + entry.getKey()));
          Object value = entry.getValue();
          if (value instanceof Double d && !Double.isFinite(d)) {
            throw new CourtsideException("JSON table encountered too many errors");
          }
          if (value != null && !column.type().accepts(value)) {
            throw new CourtsideException("bad value for " + column.name());
          }
        }
      }
      data.get(table).addAll(rows);
      return rows.size();
    }

    @Override
    public long replacePartition(TableId table, LocalDate partition, List<Row> rows) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long execute(String sql) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Row> query(String sql) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
