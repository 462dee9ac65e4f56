package io.github.courtside.duckdb.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.core.testkit.WarehouseContract;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbWarehouseTest extends WarehouseContract {
  private static final Instant NOW = Instant.parse("2024-04-10T12:00:00Z");

  @Override
  protected Warehouse newWarehouse() {
    return DuckDbWarehouse.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @Test
  void creationTimeComesFromTheInjectedClock() {
    warehouse.createTable(games, allTypes());
    assertEquals(NOW, warehouse.describe(games).orElseThrow().createdAt().orElseThrow());
  }

  @Test
  void aFileBackedWarehouseKeepsTablesAndSchemasAcrossReopening(@TempDir Path folder) {
    Path file = folder.resolve("courtside.duckdb");
    TableId table = TableId.of("nba", "player_game");
    try (DuckDbWarehouse first = DuckDbWarehouse.builder().file(file).build()) {
      first.createTable(table, allTypes());
      first.append(table, List.of(row(DAY, "a", 7)));
    }
    try (DuckDbWarehouse second = DuckDbWarehouse.builder().file(file).build()) {
      assertEquals(allTypes(), second.schema(table).orElseThrow());
      List<Row> rows = second.query("SELECT points FROM nba.player_game");
      assertEquals(7L, rows.get(0).get("points"));
    }
  }
}
