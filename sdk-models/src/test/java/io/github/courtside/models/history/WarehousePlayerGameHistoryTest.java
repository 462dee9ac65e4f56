package io.github.courtside.models.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Row mapping and query shape of the warehouse-backed history. This branch has no embedded
 * warehouse yet, so a minimal query-only stand-in records the SQL and returns typed rows; the
 * DuckDB-backed test runs the same source against a real engine.
 */
class WarehousePlayerGameHistoryTest {
  private static final TableId TABLE = TableId.of("nba_analytics", "player_game_summary");

  /** Answers every query with fixed rows and records the SQL. */
  private static final class RecordingWarehouse implements Warehouse {
    final List<String> queries = new ArrayList<>();
    final List<Row> rows;

    RecordingWarehouse(List<Row> rows) {
      this.rows = rows;
    }

    @Override
    public List<Row> query(String sql) {
      queries.add(sql);
      return rows;
    }

    @Override
    public void createTable(TableId table, TableSchema schema) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean createTableIfAbsent(TableId table, TableSchema schema) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean dropTable(TableId table) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TableSchema> schema(TableId table) {
      return Optional.empty();
    }

    @Override
    public List<TableId> listTables(String dataset, String prefix) {
      return List.of();
    }

    @Override
    public long append(TableId table, List<Row> rows) {
      throw new UnsupportedOperationException();
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
    public void close() {}
  }

  @Test
  void mapsTypedRowsAndQueriesStrictlyBeforeTheDate() {
    Row played =
        Row.builder()
            .set("player_lookup", "lebronjames")
            .set("game_date", LocalDate.parse("2024-01-10"))
            .set("game_id", "20240110_LAL_PHX")
            .set("team_abbr", "LAL")
            .set("opponent_team_abbr", "PHX")
            .set("is_home", false)
            .set("is_dnp", false)
            .set("points", 31L)
            .set("minutes_played", 36.5)
            .set("ft_makes", 7L)
            .set("usage_rate", null)
            .build();
    Row dnp =
        Row.builder()
            .set("player_lookup", "lebronjames")
            .set("game_date", LocalDate.parse("2024-01-12"))
            .set("is_dnp", true)
            .set("points", null)
            .build();
    RecordingWarehouse warehouse = new RecordingWarehouse(List.of(played, dnp));
    List<PlayerGame> games =
        new WarehousePlayerGameHistory(warehouse, TABLE)
            .gamesBefore(
                List.of("lebronjames", "anthonydavis"),
                LocalDate.parse("2023-01-15"),
                LocalDate.parse("2024-01-15"));
    assertEquals(
        "SELECT * FROM nba_analytics.player_game_summary WHERE game_date >= DATE '2023-01-15'"
            + " AND game_date < DATE '2024-01-15' AND player_lookup IN ('lebronjames',"
            + " 'anthonydavis')",
        warehouse.queries.get(0));
    assertEquals(31.0, games.get(0).points());
    assertEquals(36.5, games.get(0).minutes());
    assertEquals("PHX", games.get(0).opponent());
    assertTrue(games.get(0).played());
    assertTrue(Double.isNaN(games.get(0).usageRate()));
    assertTrue(games.get(1).dnp());
    assertTrue(!games.get(1).played());
  }

  @Test
  void playerKeysThatNeedEscapingAreRefused() {
    WarehousePlayerGameHistory history =
        new WarehousePlayerGameHistory(new RecordingWarehouse(List.of()), TABLE);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            history.gamesBefore(
                List.of("o'neal"), LocalDate.parse("2023-01-01"), LocalDate.parse("2024-01-01")));
  }
}
