package io.github.courtside.models.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WarehousePlayerGameHistory} on the real embedded warehouse (it lives in sdk-models, which
 * sees no backend; this module sees both).
 */
class WarehousePlayerGameHistoryTest {
  private static final TableId TABLE = TableId.of("nba_analytics", "player_game_summary");
  private static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("player_lookup", ColumnType.STRING))
          .column(Column.required("game_date", ColumnType.DATE))
          .column(Column.nullable("game_id", ColumnType.STRING))
          .column(Column.nullable("team_abbr", ColumnType.STRING))
          .column(Column.nullable("opponent_team_abbr", ColumnType.STRING))
          .column(Column.nullable("is_home", ColumnType.BOOL))
          .column(Column.nullable("is_dnp", ColumnType.BOOL))
          .column(Column.nullable("points", ColumnType.INT64))
          .column(Column.nullable("minutes_played", ColumnType.FLOAT64))
          .column(Column.nullable("ft_makes", ColumnType.INT64))
          .column(Column.nullable("usage_rate", ColumnType.NUMERIC))
          .partitionBy("game_date")
          .build();

  private final DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();

  @AfterEach
  void close() {
    warehouse.close();
  }

  private static Row game(String player, String date, boolean dnp, Long points) {
    return Row.builder()
        .set("player_lookup", player)
        .set("game_date", LocalDate.parse(date))
        .set("game_id", date.replace("-", "") + "_LAL_PHX")
        .set("team_abbr", "LAL")
        .set("opponent_team_abbr", "PHX")
        .set("is_home", false)
        .set("is_dnp", dnp)
        .set("points", points)
        .set("minutes_played", dnp ? null : 36.5)
        .set("ft_makes", dnp ? null : 7L)
        .set("usage_rate", null)
        .build();
  }

  @Test
  void readsTypedRowsOfTheRequestedPlayersStrictlyBeforeTheDate() {
    warehouse.createTable(TABLE, SCHEMA);
    warehouse.append(
        TABLE,
        List.of(
            game("lebronjames", "2024-01-10", false, 31L),
            game("lebronjames", "2024-01-12", true, null),
            game("lebronjames", "2024-01-15", false, 40L),
            game("lebronjames", "2022-12-31", false, 12L),
            game("stephencurry", "2024-01-11", false, 29L)));

    List<PlayerGame> games =
        new WarehousePlayerGameHistory(warehouse, TABLE)
            .gamesBefore(
                List.of("lebronjames", "anthonydavis"),
                LocalDate.parse("2023-01-15"),
                LocalDate.parse("2024-01-15"));

    List<PlayerGame> sorted =
        games.stream().sorted(Comparator.comparing(PlayerGame::gameDate)).toList();
    assertEquals(
        List.of(LocalDate.parse("2024-01-10"), LocalDate.parse("2024-01-12")),
        sorted.stream().map(PlayerGame::gameDate).toList(),
        "the game on the date itself, an old one and another player's are not read");
    PlayerGame played = sorted.get(0);
    assertEquals(31.0, played.points());
    assertEquals(36.5, played.minutes());
    assertEquals(7.0, played.freeThrowMakes());
    assertEquals("PHX", played.opponent());
    assertFalse(played.home());
    assertTrue(played.played());
    assertTrue(Double.isNaN(played.usageRate()), "NULL reads as unknown");
    PlayerGame dnp = sorted.get(1);
    assertTrue(dnp.dnp());
    assertFalse(dnp.played());
    assertTrue(Double.isNaN(dnp.points()));
  }

  @Test
  void playerKeysThatNeedEscapingAreRefusedBeforeAnyQuery() {
    WarehousePlayerGameHistory history = new WarehousePlayerGameHistory(warehouse, TABLE);
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                history.gamesBefore(
                    List.of("o'neal"),
                    LocalDate.parse("2023-01-01"),
                    LocalDate.parse("2024-01-01")));
    assertTrue(String.valueOf(error.getMessage()).contains("o'neal"));
  }
}
