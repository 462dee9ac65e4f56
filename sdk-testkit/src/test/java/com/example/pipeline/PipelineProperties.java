package com.example.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.duckdb.DuckDbDatabase;
import io.github.courtside.duckdb.coordination.DuckDbCoordinationStore;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import io.github.courtside.testkit.QuickTheoriesGenerators;
import io.github.courtside.testkit.schedule.LockSchedule;
import io.github.courtside.testkit.schedule.ScheduleRunner;
import io.github.courtside.testkit.schedule.Schedules;
import io.github.courtside.testkit.schema.MergeScenarios;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of our pipeline's coordination and consolidation, on the DuckDB adapter. */
class PipelineProperties {

  @Test
  void completionIsDeliveredAtLeastOnceDespiteFaults() {
    try (DuckDbDatabase database = DuckDbDatabase.inMemory()) {
      int[] run = {0};
      qt().withExamples(20)
          .forAll(QuickTheoriesGenerators.gen(Schedules.completions()))
          .checkAssert(
              schedule -> {
                var store = new DuckDbCoordinationStore(database, "docs_" + run[0]++);
                var result = ScheduleRunner.run(store, schedule);
                assertEquals(List.of(), result.violations(), String.join("\n", result.log()));
              });
    }
  }

  @Test
  void driftingStagedBatchesMergeOneRowPerKey() {
    qt().withExamples(12)
        .forAll(QuickTheoriesGenerators.gen(MergeScenarios.mergeable()))
        .checkAssert(
            scenario -> {
              try (DuckDbDatabase database = DuckDbDatabase.inMemory();
                  DuckDbWarehouse warehouse = DuckDbWarehouse.builder().database(database).build();
                  LeaseLock locks =
                      new LeaseLock(
                          new DuckDbCoordinationStore(database), LeaseLockConfig.defaults())) {
                scenario.load(warehouse);
                String day = " WHERE game_date = DATE '2026-02-01'";
                StringBuilder keys = new StringBuilder("SELECT player, line FROM nba.predictions");
                keys.append(day);
                scenario
                    .staged()
                    .forEach(
                        t ->
                            keys.append(" UNION SELECT player, line FROM ")
                                .append(warehouse.dialect().table(t.table())));
                long expected = count(warehouse, "SELECT COUNT(*) AS n FROM (" + keys + ")");

                Consolidator.create(
                        warehouse, locks, ConsolidationConfig.builder(scenario.spec()).build())
                    .consolidate(scenario.batchId(), scenario.partition());

                // one row per key of the day, old or staged: none lost, none doubled
                assertEquals(
                    expected, count(warehouse, "SELECT COUNT(*) AS n FROM nba.predictions" + day));
              }
            });
  }

  private static long count(DuckDbWarehouse warehouse, String sql) {
    return warehouse.query(sql).get(0).getLong("n").orElseThrow();
  }

  static Stream<LockSchedule> lockSchedules() {
    return Schedules.locks().samples(2026L, 15).stream();
  }

  @ParameterizedTest(name = "lock schedule {index}")
  @MethodSource("lockSchedules")
  void neverTwoLockHolders(LockSchedule schedule) {
    try (DuckDbDatabase database = DuckDbDatabase.inMemory()) {
      var result = ScheduleRunner.run(new DuckDbCoordinationStore(database), schedule);
      assertEquals(List.of(), result.violations(), String.join("\n", result.log()));
    }
  }
}
