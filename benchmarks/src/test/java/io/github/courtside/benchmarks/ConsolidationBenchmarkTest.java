package io.github.courtside.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.core.consolidation.ConsolidationReport;
import org.junit.jupiter.api.Test;

/** The consolidation benchmark measures what it claims, at a tiny size. */
class ConsolidationBenchmarkTest {

  private static ConsolidationBenchmark small() {
    ConsolidationBenchmark benchmark = new ConsolidationBenchmark();
    benchmark.mainRows = 2_000;
    benchmark.stagedRows = 200;
    benchmark.stagingTables = 3;
    return benchmark;
  }

  @Test
  void consolidateMergesEveryStagedRowHalfOfThemUpdates() {
    ConsolidationBenchmark benchmark = small();
    benchmark.buildTables();
    ConsolidationReport report = benchmark.consolidate();
    assertEquals(ConsolidationReport.Outcome.CONSOLIDATED, report.outcome());
    assertEquals(200, report.stagedRows());
    assertEquals(200, report.mergedRows());
    assertEquals(3, report.droppedTables());
    long rows =
        benchmark
            .warehouse()
            .query("SELECT COUNT(*) AS n FROM nba_predictions.player_prop_predictions")
            .get(0)
            .getLong("n")
            .orElseThrow();
    assertEquals(2_100, rows, "100 updates and 100 inserts");
    benchmark.close();
  }

  @Test
  void bareMergeAffectsEveryStagedRow() {
    ConsolidationBenchmark benchmark = small();
    benchmark.buildTables();
    assertEquals(200, benchmark.bareMerge());
    benchmark.close();
  }
}
