package io.github.courtside.models.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import io.github.courtside.models.feature.FeatureExtractor;
import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureVector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WarehousePlayerGameHistory} reads the {@code known_at} knowledge time of each stat row on
 * the real embedded warehouse, so a late correction stored as a second row of the same game is
 * invisible to a vector built before it was known; a table without the column reads the default.
 */
class WarehouseKnowledgeTimeTest {
  private static final TableId TABLE = TableId.of("nba_analytics", "player_game_summary");
  private static final LocalDate GAME_DAY = LocalDate.parse("2024-01-20");
  private static final Instant CORRECTED_AT = Instant.parse("2024-01-20T18:00:00Z");

  private final DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();

  @AfterEach
  void close() {
    warehouse.close();
  }

  private static TableSchema schema(boolean knownAt) {
    TableSchema.Builder schema =
        TableSchema.builder()
            .column(Column.required("player_lookup", ColumnType.STRING))
            .column(Column.required("game_date", ColumnType.DATE))
            .column(Column.nullable("game_id", ColumnType.STRING))
            .column(Column.nullable("opponent_team_abbr", ColumnType.STRING))
            .column(Column.nullable("points", ColumnType.INT64))
            .column(Column.nullable("minutes_played", ColumnType.FLOAT64));
    if (knownAt) {
      schema.column(Column.nullable("known_at", ColumnType.TIMESTAMP));
    }
    return schema.partitionBy("game_date").build();
  }

  private static Row game(LocalDate date, long points, boolean withColumn, Instant knownAt) {
    Row.Builder row =
        Row.builder()
            .set("player_lookup", "lebronjames")
            .set("game_date", date)
            .set("game_id", date.toString().replace("-", "") + "_LAL_PHX")
            .set("opponent_team_abbr", "PHX")
            .set("points", points)
            .set("minutes_played", 34.0);
    if (withColumn) {
      row.set("known_at", knownAt);
    }
    return row.build();
  }

  /**
   * Ten games of 20 points before the game day; the last one is corrected to 40 on the game day.
   */
  private void seed(boolean withColumn) {
    warehouse.createTable(TABLE, schema(withColumn));
    List<Row> rows = new ArrayList<>();
    for (int d = 10; d >= 1; d--) {
      LocalDate date = GAME_DAY.minusDays(d);
      rows.add(
          game(
              date,
              20,
              withColumn,
              date.plusDays(1).atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant()));
    }
    if (withColumn) {
      rows.add(game(LocalDate.parse("2024-01-15"), 40, true, CORRECTED_AT));
    }
    warehouse.append(TABLE, rows);
  }

  private FeatureVector vectorAt(Instant tipoff) {
    FeatureExtractor extractor =
        FeatureExtractor.builder(new WarehousePlayerGameHistory(warehouse, TABLE))
            .schema(FeatureSchema.V9_33)
            .build();
    return extractor.extract(
        FeatureRequest.builder("lebronjames", GAME_DAY).opponent("PHX").tipoff(tipoff).build());
  }

  @Test
  void knownAtIsReadFromTheColumn() {
    seed(true);
    List<PlayerGame> rows =
        new WarehousePlayerGameHistory(warehouse, TABLE)
            .gamesBefore(List.of("lebronjames"), GAME_DAY.minusDays(30), GAME_DAY);
    assertEquals(11, rows.size());
    assertTrue(
        rows.stream().anyMatch(r -> r.knownAt().equals(java.util.Optional.of(CORRECTED_AT))),
        "the correction's known_at is carried: " + rows);
    assertTrue(rows.stream().allMatch(r -> r.knownAt().isPresent()));
  }

  @Test
  void aCorrectionKnownLaterIsInvisibleToAVectorBuiltBeforeIt() {
    seed(true);
    FeatureVector before = vectorAt(CORRECTED_AT.minusSeconds(3600));
    FeatureVector after = vectorAt(CORRECTED_AT.plusSeconds(3600));
    assertEquals(
        20.0,
        before.valueOrNaN("points_avg_last_5"),
        "before the correction was known, the game reads its first version");
    assertEquals(
        (20.0 * 4 + 40.0) / 5,
        after.valueOrNaN("points_avg_last_5"),
        "once known, the correction replaces the first version (not added as another game)");
  }

  @Test
  void aTableWithoutTheColumnReadsTheDayAfterTheGame() {
    seed(false);
    List<PlayerGame> rows =
        new WarehousePlayerGameHistory(warehouse, TABLE)
            .gamesBefore(List.of("lebronjames"), GAME_DAY.minusDays(30), GAME_DAY);
    assertEquals(10, rows.size());
    for (PlayerGame row : rows) {
      assertTrue(row.knownAt().isEmpty());
      assertEquals(
          row.gameDate().plusDays(1).atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant(),
          row.knownAtOrDefault());
    }
  }
}
