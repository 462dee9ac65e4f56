package io.github.courtside.core.testkit;

import static io.github.courtside.core.testkit.Predictions.DAY;
import static io.github.courtside.core.testkit.Predictions.MAIN;
import static io.github.courtside.core.testkit.Predictions.T0;
import static io.github.courtside.core.testkit.Predictions.all;
import static io.github.courtside.core.testkit.Predictions.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.core.consolidation.ConsolidationReport.Outcome;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.staging.StagingWriter;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crash injection: the consolidator's process dies right after each of its writes in turn; a new
 * consolidator then reruns the batch. Every rerun must end with the same main table as an
 * uninterrupted run, with every staged row merged and the staging tables gone. Shared by every
 * warehouse (DuckDB, BigQuery on the local server).
 */
public abstract class ConsolidationCrashContract {

  /** The clock of the warehouse and the consolidators. */
  protected abstract ManualClock newClock();

  /**
   * The warehouse under test, empty: called once per crash point (and once for the reference run);
   * a "restart" reuses it through a new decorator, as a new process would reuse the database.
   */
  protected abstract Warehouse newWarehouse(Clock clock);

  /** A main table with history and a batch of two workers, written through a fresh warehouse. */
  private FaultyWarehouse prepared(ManualClock clock) {
    FaultyWarehouse warehouse = new FaultyWarehouse(newWarehouse(clock));
    warehouse.createTable(MAIN, Predictions.schema());
    warehouse.append(
        MAIN,
        List.of(
            prediction("old1", "lebron", "catboost", 24.5, 27, T0.minus(Duration.ofHours(3))),
            prediction("old2", "curry", "catboost", null, 26, T0.minus(Duration.ofHours(3)))));
    StagingWriter.of(warehouse, MAIN, "b1", "w1")
        .write(
            List.of(
                prediction("n1", "lebron", "catboost", 25.5, 29, T0),
                prediction("n2", "curry", "catboost", null, 30, T0),
                prediction("n3", "curry", "catboost", null, 31, T0.plusSeconds(1))));
    StagingWriter.of(warehouse, MAIN, "b1", "w2")
        .write(
            List.of(
                prediction("n4", "harden", "xgboost", 20.5, 19, T0),
                prediction("n5", "lebron", "xgboost", 25.5, 24, T0)));
    return warehouse;
  }

  @Test
  void aCrashAfterAnyStepThenARerunGivesTheUninterruptedResult() {
    ManualClock clock = newClock();
    List<Row> expected;
    long stepsWritten;
    try (FaultyWarehouse reference = prepared(clock)) {
      long before = reference.mutations();
      ConsolidationReport report =
          Consolidator.create(reference, new TestLeases(), Predictions.config(clock))
              .consolidate("b1", DAY);
      assertEquals(4, report.stagedRows());
      stepsWritten = reference.mutations() - before;
      expected = all(reference);
    }
    assertTrue(stepsWritten >= 7, "journal, merge, supersede and drops: " + stepsWritten);

    for (long crashAt = 1; crashAt <= stepsWritten; crashAt++) {
      try (FaultyWarehouse warehouse = prepared(clock)) {
        TestLeases leases = new TestLeases();
        warehouse.crashAfterMutation(warehouse.mutations() + crashAt);
        Consolidator doomed = Consolidator.create(warehouse, leases, Predictions.config(clock));
        assertThrows(RuntimeException.class, () -> doomed.consolidate("b1", DAY));
        assertTrue(warehouse.crashed(), "crash point " + crashAt + " was reached");
        // At the crash itself, not only after the rerun: a staging table is gone only if every
        // staged row is already merged (dropped only after success).
        Warehouse dead = warehouse.delegate();
        if (dead.listTables(MAIN.dataset(), StagingTableName.PREFIX).size() < 2) {
          assertEquals(expected, all(dead), "crash point " + crashAt + ": dropped before merged");
        }

        FaultyWarehouse restarted = new FaultyWarehouse(warehouse.delegate());
        ConsolidationReport rerun =
            Consolidator.create(restarted, leases, Predictions.config(clock))
                .consolidate("b1", DAY);
        assertTrue(
            rerun.outcome() == Outcome.CONSOLIDATED
                || rerun.outcome() == Outcome.ALREADY_CONSOLIDATED,
            "crash point " + crashAt + ": " + rerun);
        assertEquals(expected, all(restarted), "crash point " + crashAt);
        assertEquals(
            List.of(),
            restarted.listTables(MAIN.dataset(), StagingTableName.PREFIX),
            "crash point " + crashAt + ": staging dropped only after success");
      }
    }
  }
}
