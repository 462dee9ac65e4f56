package io.github.courtside.duckdb.warehouse;

import static io.github.courtside.core.testkit.Predictions.DAY;
import static io.github.courtside.core.testkit.Predictions.MAIN;
import static io.github.courtside.core.testkit.Predictions.T0;
import static io.github.courtside.core.testkit.Predictions.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.ConsolidationFailedException;
import io.github.courtside.core.consolidation.ConsolidationReport.Outcome;
import io.github.courtside.core.consolidation.ConsolidationStep;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.staging.StagingWriter;
import io.github.courtside.core.testkit.ConsolidatorContract;
import io.github.courtside.core.testkit.Predictions;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  private List<String> recordQueries() {
    List<String> queries = new CopyOnWriteArrayList<>();
    warehouse.failQueriesMatching(
        sql -> {
          queries.add(sql);
          return false;
        });
    return queries;
  }

  /**
   * The CHECKED step's whole-partition GROUP BY over the active rows, by merge key (the supersede
   * step's check groups by the supersede group, without the line).
   */
  private long activeDuplicateScans(List<String> queries) {
    String marker = warehouse.dialect().identifier("is_active") + " = TRUE GROUP BY";
    String line = warehouse.dialect().identifier("current_points_line");
    return queries.stream()
        .filter(sql -> sql.contains(marker) && sql.substring(sql.indexOf(marker)).contains(line))
        .count();
  }

  @Test
  void theActiveDuplicateCheckIsProvenByThePlanAndTheMergeCountsWithoutASecondScan() {
    warehouse.append(MAIN, List.of(prediction("o1", "lebron", "catboost", 25.5, 20, T0)));
    StagingWriter.of(warehouse, MAIN, "b1", "w1")
        .write(
            List.of(
                prediction("p1", "lebron", "catboost", 26.5, 28, T0.plusSeconds(60)),
                prediction("p2", "curry", "catboost", 27.5, 25, T0.plusSeconds(60))));
    List<String> queries = recordQueries();
    assertEquals(Outcome.CONSOLIDATED, consolidator.consolidate("b1", DAY).outcome());
    assertEquals(0, activeDuplicateScans(queries), String.join("\n\n", queries));
    List<Row> active = Predictions.active(warehouse);
    assertEquals(
        List.of("curry 27.5", "lebron 26.5"),
        active.stream()
            .map(r -> r.get("player_lookup") + " " + r.get("current_points_line"))
            .toList());
  }

  @Test
  void legacyDuplicatesElsewhereInThePartitionStillGetTheWholeActiveDuplicateCheck() {
    Row old = prediction("d1", "harden", "catboost", 20.5, 22, T0);
    warehouse.append(
        MAIN,
        List.of(
            old.toBuilder().set("is_active", false).build(),
            old.toBuilder().set("prediction_id", "d2").set("is_active", false).build()));
    StagingWriter.of(warehouse, MAIN, "b1", "w1")
        .write(List.of(prediction("p1", "curry", "catboost", 27.5, 25, T0.plusSeconds(60))));
    List<String> queries = recordQueries();
    assertEquals(Outcome.CONSOLIDATED, consolidator.consolidate("b1", DAY).outcome());
    assertEquals(1, activeDuplicateScans(queries), "nothing proved the keys unique: checked");
  }

  @Test
  void theKeyFingerprintTreatsZeroAndNegativeZeroLinesAsOneKey() {
    Row zero = prediction("d1", "lebron", "catboost", 0.0, 28, T0);
    warehouse.append(
        MAIN,
        List.of(
            zero.toBuilder().set("is_active", false).build(),
            zero.toBuilder()
                .set("prediction_id", "d2")
                .set("current_points_line", -0.0)
                .set("is_active", false)
                .build()));
    StagingWriter.of(warehouse, MAIN, "b1", "w1")
        .write(List.of(prediction("p1", "lebron", "catboost", 0.0, 30, T0.plusSeconds(60))));
    clock.advance(Duration.ofMinutes(1));
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> consolidator.consolidate("b1", DAY));
    assertEquals(ConsolidationStep.PLANNED, failure.step());
    assertTrue(failure.getMessage().contains("legacy duplicates"), failure.getMessage());
  }
}
