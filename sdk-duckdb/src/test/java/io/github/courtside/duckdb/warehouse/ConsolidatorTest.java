package io.github.courtside.duckdb.warehouse;

import static io.github.courtside.core.testkit.Predictions.DAY;
import static io.github.courtside.core.testkit.Predictions.MAIN;
import static io.github.courtside.core.testkit.Predictions.T0;
import static io.github.courtside.core.testkit.Predictions.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.testkit.ConsolidatorContract;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consolidator contract and its incident regression tests on the embedded DuckDB warehouse. */
class ConsolidatorTest extends ConsolidatorContract {
  @Override
  protected Warehouse newWarehouse(Clock clock) {
    return DuckDbWarehouse.builder().clock(clock).build();
  }

  @Test
  void anInt64MainColumnIsWidenedToFloat64UnderAppendNewColumns() {
    TableId main = MAIN.sibling("with_minutes");
    TableSchema base =
        TableSchema.builder()
            .columns(Predictions.schema().columns())
            .partitionBy("game_date")
            .build();
    warehouse.createTable(
        main, base.toBuilder().column(Column.nullable("minutes", ColumnType.INT64)).build());
    TableId staging = StagingTableName.of(main, "b1", "w1").tableId();
    warehouse.createTable(
        staging, base.toBuilder().column(Column.nullable("minutes", ColumnType.FLOAT64)).build());
    warehouse.append(
        staging,
        List.of(
            prediction("p1", "lebron", "catboost", 25.5, 28, T0).toBuilder()
                .set("minutes", 31.5)
                .build()));
    Consolidator widening =
        Consolidator.create(
            warehouse,
            leases,
            ConsolidationConfig.builder(
                    io.github.courtside.core.merge.MergeSpec.builder(main)
                        .mergeKey("game_id", "player_lookup", "system_id", "current_points_line")
                        .newestBy("created_at")
                        .schemaChangePolicy(SchemaChangePolicy.APPEND_NEW_COLUMNS)
                        .build())
                .clock(clock)
                .build());
    widening.consolidate("b1", DAY);
    assertEquals(
        ColumnType.FLOAT64,
        warehouse.schema(main).orElseThrow().column("minutes").orElseThrow().type());
    assertEquals(
        31.5,
        warehouse
            .query("SELECT minutes FROM " + warehouse.dialect().table(main))
            .get(0)
            .get("minutes"));
  }
}
