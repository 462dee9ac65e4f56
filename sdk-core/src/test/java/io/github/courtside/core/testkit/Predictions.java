package io.github.courtside.core.testkit;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.merge.MergeSpec;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A slim player-prop predictions table, its merge spec and row helpers, for consolidation tests.
 */
public final class Predictions {
  public static final TableId MAIN = TableId.of("nba_predictions", "player_prop_predictions");
  public static final LocalDate DAY = LocalDate.parse("2026-02-01");
  public static final LocalDate OTHER_DAY = DAY.plusDays(1);
  public static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

  private Predictions() {}

  public static TableSchema schema() {
    return TableSchema.builder()
        .column(Column.required("prediction_id", ColumnType.STRING))
        .column(Column.required("game_date", ColumnType.DATE))
        .column(Column.required("game_id", ColumnType.STRING))
        .column(Column.required("player_lookup", ColumnType.STRING))
        .column(Column.required("system_id", ColumnType.STRING))
        .column(Column.nullable("current_points_line", ColumnType.FLOAT64))
        .column(Column.nullable("predicted_points", ColumnType.FLOAT64))
        .column(Column.nullable("recommendation", ColumnType.STRING))
        .column(Column.required("is_active", ColumnType.BOOL).withDefault(true))
        .column(Column.required("created_at", ColumnType.TIMESTAMP))
        .column(Column.nullable("updated_at", ColumnType.TIMESTAMP))
        .partitionBy("game_date")
        .clusterBy("system_id", "player_lookup")
        .build();
  }

  public static MergeSpec spec(SchemaChangePolicy policy) {
    return MergeSpec.builder(MAIN)
        .mergeKey("game_id", "player_lookup", "system_id", "current_points_line")
        .newestBy("created_at")
        .excludeFromUpdate("prediction_id", "created_at")
        .refreshOnWrite("updated_at")
        .schemaChangePolicy(policy)
        .build();
  }

  public static ConsolidationConfig config(Clock clock) {
    return ConsolidationConfig.builder(spec(SchemaChangePolicy.FAIL))
        .activeFlag("is_active", "game_id", "player_lookup", "system_id")
        .clock(clock)
        .build();
  }

  public static Row prediction(
      String id, String player, String system, @Nullable Double line, double points, Instant at) {
    return prediction(id, DAY, player, system, line, points, at);
  }

  public static Row prediction(
      String id,
      LocalDate date,
      String player,
      String system,
      @Nullable Double line,
      double points,
      Instant at) {
    return Row.builder()
        .set("prediction_id", id)
        .set("game_date", date)
        .set("game_id", "g_" + date)
        .set("player_lookup", player)
        .set("system_id", system)
        .set("current_points_line", line)
        .set("predicted_points", points)
        .set("recommendation", line == null ? "NO_LINE" : points > line ? "OVER" : "UNDER")
        .set("created_at", at)
        .build();
  }

  public static List<Row> all(Warehouse warehouse) {
    return warehouse.query(
        "SELECT * FROM "
            + warehouse.dialect().table(MAIN)
            + " ORDER BY game_date, player_lookup, system_id, current_points_line NULLS FIRST,"
            + " prediction_id");
  }

  public static List<Row> active(Warehouse warehouse) {
    return all(warehouse).stream()
        .filter(row -> Boolean.TRUE.equals(row.get("is_active")))
        .collect(Collectors.toList());
  }

  public static long count(Warehouse warehouse, TableId table) {
    return warehouse
        .query("SELECT COUNT(*) AS n FROM " + warehouse.dialect().table(table))
        .get(0)
        .getLong("n")
        .orElseThrow();
  }

  public static Comparator<Row> byId() {
    return Comparator.comparing(row -> row.getString("prediction_id").orElse(""));
  }
}
