package io.github.courtside.duckdb.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.WarehouseContract;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WarehouseException;
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
  void aTableOfAProjectIsRefusedNamingTheProject() {
    TableId foreign = games.inProject("analytics-prod");
    WarehouseException refused =
        assertThrows(WarehouseException.class, () -> warehouse.createTable(foreign, allTypes()));
    assertTrue(refused.getMessage().contains("analytics-prod"), refused.getMessage());
    assertThrows(WarehouseException.class, () -> warehouse.describe(foreign));
    assertThrows(WarehouseException.class, () -> warehouse.append(foreign, List.of()));
    assertThrows(WarehouseException.class, () -> warehouse.listSiblings(foreign, ""));
    assertTrue(warehouse.schema(games).isEmpty(), "nothing was created under the plain name");
  }

  @Test
  void statementKindsAreReadPastCommentsAndWithClauses() {
    assertEquals(StatementKind.MERGE, StatementKind.of("-- merge\n/* x */ merge into t ..."));
    assertEquals(StatementKind.INSERT, StatementKind.of("WITH s AS (SELECT 1) INSERT INTO t"));
    assertEquals(StatementKind.OTHER, StatementKind.of("WITH s AS (SELECT 1) SELECT * FROM s"));
    assertEquals(StatementKind.DELETE, StatementKind.of("  delete from t"));
    assertEquals(StatementKind.OTHER, StatementKind.of("CREATE TABLE t (updated INT)"));
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
