package io.github.courtside.core.testkit;

import static io.github.courtside.core.testkit.Predictions.DAY;
import static io.github.courtside.core.testkit.Predictions.MAIN;
import static io.github.courtside.core.testkit.Predictions.OTHER_DAY;
import static io.github.courtside.core.testkit.Predictions.T0;
import static io.github.courtside.core.testkit.Predictions.active;
import static io.github.courtside.core.testkit.Predictions.all;
import static io.github.courtside.core.testkit.Predictions.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.ConsolidationFailedException;
import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.core.consolidation.ConsolidationReport.Outcome;
import io.github.courtside.core.consolidation.ConsolidationStep;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.lock.LeaseLostException;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.staging.StagingWriter;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consolidator's behaviour on any {@link Warehouse} backend: regression tests named after the
 * incidents (I-n) and hazards (H-n) of spec §1 and §7. Extend it with a class named {@code *Test}
 * and return a fresh, empty warehouse from {@link #newWarehouse(Clock)}; the tests wrap it in a
 * {@link FaultyWarehouse} for fault injection.
 *
 * <pre>{@code
 * class ConsolidatorTest extends ConsolidatorContract {
 *   protected Warehouse newWarehouse(Clock clock) {
 *     return DuckDbWarehouse.builder().clock(clock).build();
 *   }
 * }
 * }</pre>
 */
public abstract class ConsolidatorContract {
  protected ManualClock clock;
  protected final TestLeases leases = new TestLeases();
  protected FaultyWarehouse warehouse;
  protected Consolidator consolidator;

  /** A new, empty warehouse whose "now" is {@code clock}; closed after each test. */
  protected abstract Warehouse newWarehouse(Clock clock);

  /**
   * The clock of the test, the consolidator and the warehouse; a new one at {@link Predictions#T0}
   * unless a backend shares one clock with a server that outlives the test.
   */
  protected ManualClock newClock() {
    return new ManualClock(T0);
  }

  @BeforeEach
  void setUp() {
    clock = newClock();
    warehouse = new FaultyWarehouse(newWarehouse(clock));
    warehouse.createTable(MAIN, Predictions.schema());
    consolidator = Consolidator.create(warehouse, leases, Predictions.config(clock));
  }

  @AfterEach
  void tearDown() {
    warehouse.close();
  }

  private List<TableId> stage(String batch, String worker, Row... rows) {
    StagingWriter.of(warehouse, MAIN, batch, worker).write(List.of(rows));
    return warehouse.listTables(MAIN.dataset(), StagingTableName.batchPrefix(MAIN, batch));
  }

  private ConsolidationReport consolidate(String batch) {
    ConsolidationReport report = consolidator.consolidate(batch, DAY);
    clock.advance(Duration.ofMinutes(1));
    return report;
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static List<Double> lines(List<Row> rows) {
    return rows.stream()
        .map(r -> (Double) r.get("current_points_line"))
        .collect(Collectors.toList());
  }

  @Test
  protected void I17_theJournalIsWrittenWithDmlInsertsNeverWithLoads() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    List<TableId> appendsWhileStaging = warehouse.appendedTo();
    assertEquals(Outcome.CONSOLIDATED, consolidate("b1").outcome());
    assertEquals(
        appendsWhileStaging,
        warehouse.appendedTo(),
        "consolidation made no load (append): on BigQuery each would be a load job (I-17)");
    TableId journal = MAIN.sibling(ConsolidationConfig.DEFAULT_JOURNAL_TABLE);
    long lines = Predictions.count(warehouse.delegate(), journal);
    assertTrue(lines >= 6, "every step journaled, got " + lines);
  }

  /** Batch ids and key values that an escaped literal gets wrong when it is escaped wrongly. */
  @Test
  protected void quotesAndBackslashesInBatchIdsAndKeysAreJournaledAndMergedExactly() {
    String batch = "b'ZBATCHZ\\x\";--";
    List<String> players =
        List.of(
            "o'neal \\ \"ZSHAQZ\"",
            "'; DROP TABLE nba.predictions; --ZDROPZ",
            "d\\'ZANGELOZ\nrussell");
    stage(batch, "w'1", prediction("p'1", players.get(0), "cat\\boost", 25.5, 28, at(0)));
    stage(batch, "w\\2", prediction("p\\2", players.get(1), "catboost", 20.5, 18, at(0)));
    stage(batch, "w3", prediction("p3", players.get(2), "it's", 22.5, 21, at(0)));
    ConsolidationReport report = consolidate(batch);
    assertEquals(Outcome.CONSOLIDATED, report.outcome());
    assertEquals(3, report.mergedRows());
    List<Row> rows = all(warehouse);
    assertEquals(
        players.stream().sorted().toList(),
        rows.stream().map(r -> (String) r.get("player_lookup")).sorted().toList(),
        "every key value merged exactly");
    assertEquals(
        List.of("cat\\boost", "catboost", "it's"),
        rows.stream().map(r -> (String) r.get("system_id")).sorted().toList());
    TableId journal = MAIN.sibling(ConsolidationConfig.DEFAULT_JOURNAL_TABLE);
    List<Row> lines =
        warehouse.query(
            io.github.courtside.core.warehouse.SqlStatement.builder()
                .append("SELECT * FROM " + warehouse.dialect().table(journal) + " WHERE ")
                .append(warehouse.dialect().identifier("batch_id") + " = ")
                .value("batch", batch, io.github.courtside.core.warehouse.ColumnType.STRING)
                .build());
    assertTrue(lines.size() >= 6, "every step journaled under the exact batch id: " + lines);
    assertEquals(
        Outcome.ALREADY_CONSOLIDATED,
        consolidate(batch).outcome(),
        "the journal is found again by the exact batch id");
    List<String> values = new ArrayList<>(players);
    values.addAll(List.of(batch, "p'1", "cat\\boost", "it's", DAY.toString()));
    // markers inside the values, which an escaped literal keeps as they are (staging table names
    // encode capitals, so no identifier holds them)
    values.addAll(List.of("ZBATCHZ", "ZSHAQZ", "ZDROPZ", "ZANGELOZ"));
    for (String sql : warehouse.renderedSql()) {
      for (String value : values) {
        assertFalse(
            sql.contains(value), "the data value " + value + " is a parameter, not in: " + sql);
      }
    }
    assertTrue(
        warehouse.renderedSql().stream().anyMatch(sql -> sql.contains("MERGE INTO")),
        "the consolidation's statements were seen");
  }

  @Test
  protected void consolidationMergesVerifiesAndDropsStagingWithAReport() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    stage("b1", "w2", prediction("p2", "curry", "catboost", 27.5, 25, at(0)));
    ConsolidationReport report = consolidate("b1");
    assertEquals(Outcome.CONSOLIDATED, report.outcome());
    assertEquals(2, report.stagedRows());
    assertEquals(2, report.mergedRows());
    assertEquals(2, report.droppedTables());
    assertEquals(2, report.stagingTables().size());
    assertEquals(
        List.of(ConsolidationStep.values()),
        report.timings().stream().map(ConsolidationReport.StepTiming::step).toList());
    assertEquals(2, all(warehouse).size());
    assertEquals(List.of(), warehouse.listTables(MAIN.dataset(), StagingTableName.PREFIX));
  }

  @Test
  protected void theListenerHearsEveryStepTheReportAndFailures() {
    List<String> heard = new ArrayList<>();
    Consolidator listened =
        Consolidator.create(
            warehouse,
            leases,
            ConsolidationConfig.builder(Predictions.spec(SchemaChangePolicy.FAIL))
                .clock(clock)
                .listener(
                    new io.github.courtside.core.consolidation.ConsolidationListener() {
                      @Override
                      public void stepCompleted(
                          String batchId,
                          java.time.LocalDate partition,
                          ConsolidationStep step,
                          Duration elapsed) {
                        heard.add(step.name());
                      }

                      @Override
                      public void consolidationFinished(ConsolidationReport report) {
                        heard.add(report.outcome().name());
                      }

                      @Override
                      public void consolidationFailed(ConsolidationFailedException failure) {
                        heard.add("failed at " + failure.step());
                      }
                    })
                .build());
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    listened.consolidate("b1", DAY);
    assertEquals(
        List.of(
            "PLANNED", "MERGED", "VERIFIED", "SUPERSEDED", "CHECKED", "CLEANED", "CONSOLIDATED"),
        heard);
    heard.clear();
    stage("b2", "w1", prediction("p2", OTHER_DAY, "curry", "catboost", 27.5, 25, at(0)));
    assertThrows(ConsolidationFailedException.class, () -> listened.consolidate("b2", DAY));
    assertEquals(List.of("failed at PLANNED"), heard);
  }

  @Test
  protected void rerunOfAFinishedConsolidationDoesNothing() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    consolidate("b1");
    List<Row> before = all(warehouse);
    long mutations = warehouse.mutations();
    ConsolidationReport again = consolidate("b1");
    assertEquals(Outcome.ALREADY_CONSOLIDATED, again.outcome());
    assertEquals(before, all(warehouse));
    assertEquals(mutations, warehouse.mutations(), "a finished rerun writes nothing");
  }

  @Test
  protected void stagingTablesArrivingAfterTheBatchFinishedAreMergedByANewRound() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    consolidate("b1");
    stage("b1", "late", prediction("p2", "curry", "catboost", 27.5, 25, at(1)));
    ConsolidationReport report = consolidate("b1");
    assertEquals(2, report.round());
    assertEquals(Outcome.CONSOLIDATED, report.outcome());
    assertEquals(2, all(warehouse).size());
  }

  @Test
  protected void aBatchWithoutStagingTablesHasNothingToDo() {
    assertEquals(Outcome.NOTHING_STAGED, consolidate("empty").outcome());
  }

  @Test
  protected void H1_lines22_5And23_0StayDistinctRows() {
    stage(
        "b1",
        "w1",
        prediction("p1", "lebron", "catboost", 22.5, 28, at(0)),
        prediction("p2", "lebron", "catboost", 23.0, 28, at(1)));
    consolidate("b1");
    assertEquals(List.of(22.5, 23.0), lines(all(warehouse)));
    stage("b2", "w1", prediction("p3", "lebron", "catboost", 23.0, 30, at(2)));
    consolidate("b2");
    List<Row> rows = all(warehouse);
    assertEquals(List.of(22.5, 23.0), lines(rows), "a new 23.0 row must not match the 22.5 row");
    assertEquals(28.0, rows.get(0).get("predicted_points"));
    assertEquals(30.0, rows.get(1).get("predicted_points"));
  }

  @Test
  protected void I1_floatLineKeysNeverReachAWindowPartitionOrGroupByInGoogleSql() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 22.5, 28, at(0)));
    var plan =
        io.github.courtside.core.merge.MergePlanner.plan(
            warehouse,
            Predictions.spec(SchemaChangePolicy.FAIL),
            warehouse.listTables(MAIN.dataset(), StagingTableName.PREFIX),
            DAY);
    String sql =
        plan.renderMerge(io.github.courtside.core.warehouse.SqlDialect.googleSql(), T0).toString();
    String partitionBy = sql.substring(sql.indexOf("PARTITION BY"), sql.indexOf(" ORDER BY"));
    assertTrue(partitionBy.contains("FORMAT('%.17g', `current_points_line` + 0.0)"), partitionBy);
    assertFalse(sql.contains("AS INT64"), "no rounding cast of the line: " + sql);
    assertFalse(sql.contains("COALESCE"), "no sentinel: " + sql);
    consolidate("b1");
    assertEquals(1, all(warehouse).size());
  }

  @Test
  protected void I2_nullLinePredictionsAreUpdatedNotDuplicated() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", null, 28, at(0)));
    consolidate("b1");
    stage("b2", "w1", prediction("p2", "lebron", "catboost", null, 31, at(1)));
    consolidate("b2");
    List<Row> rows = all(warehouse);
    assertEquals(1, rows.size());
    assertEquals(31.0, rows.get(0).get("predicted_points"));
    assertEquals("p1", rows.get(0).get("prediction_id"), "the id of the first insert is kept");
  }

  @Test
  protected void I3_concurrentConsolidationsDoNotDuplicateRows() throws Exception {
    for (int w = 0; w < 4; w++) {
      stage("b1", "w" + w, prediction("a" + w, "player" + w, "catboost", 20.5, 22, at(0)));
      stage("b2", "w" + w, prediction("b" + w, "player" + w, "catboost", 20.5, 24, at(1)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ConsolidationReport>> calls = new ArrayList<>();
      for (String batch : List.of("b1", "b2", "b1", "b2")) {
        calls.add(() -> consolidator.consolidate(batch, DAY));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<ConsolidationReport> future : pool.invokeAll(calls)) {
        outcomes.add(future.get(60, TimeUnit.SECONDS).outcome());
      }
      assertEquals(2, outcomes.stream().filter(o -> o == Outcome.CONSOLIDATED).count());
    } finally {
      pool.shutdownNow();
    }
    List<Row> rows = all(warehouse);
    assertEquals(4, rows.size(), "one row per key: " + rows);
    assertEquals(4, active(warehouse).size());
  }

  @Test
  protected void I5_stagingWithFewerColumnsThanMainMergesWithExplicitColumnLists() {
    warehouse.addColumns(MAIN, List.of(Column.nullable("model_version", ColumnType.STRING)));
    warehouse.append(
        MAIN,
        List.of(
            prediction("p1", "lebron", "catboost", 25.5, 20, at(0)).toBuilder()
                .set("model_version", "v8")
                .build()));
    TableSchema slim =
        TableSchema.builder()
            .columns(
                Predictions.schema().columns().stream()
                    .filter(c -> !List.of("recommendation", "updated_at").contains(c.name()))
                    .toList())
            .build();
    TableId staging = StagingTableName.of(MAIN, "b1", "old-worker").tableId();
    warehouse.createTable(staging, slim);
    warehouse.append(
        staging,
        List.of(
            prediction("p2", "lebron", "catboost", 25.5, 30, at(1)).toBuilder()
                .remove("recommendation")
                .build(),
            prediction("p3", "curry", "catboost", 27.5, 26, at(1)).toBuilder()
                .remove("recommendation")
                .build()));
    ConsolidationReport report = consolidate("b1");
    assertEquals(2, report.mergedRows());
    List<Row> rows = all(warehouse);
    Row curry = rows.get(0);
    Row lebron = rows.get(1);
    assertEquals(30.0, lebron.get("predicted_points"));
    assertEquals("v8", lebron.get("model_version"), "a main-only column is untouched on update");
    assertEquals("UNDER", lebron.get("recommendation"), "a column the staging lacks is untouched");
    assertEquals(null, curry.get("model_version"), "a main-only column is NULL on insert");
    assertEquals(true, curry.get("is_active"));
  }

  @Test
  protected void I5_zeroRowMergeFailsAndKeepsTheStagingTables() {
    List<TableId> staging =
        stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    warehouse.overrideExecute(sql -> sql.startsWith("MERGE") ? 0L : -1L);
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> consolidate("b1"));
    assertEquals(ConsolidationStep.VERIFIED, failure.step());
    assertTrue(failure.getMessage().contains("0 rows"), failure.getMessage());
    assertTrue(warehouse.schema(staging.get(0)).isPresent());
    warehouse.overrideExecute(sql -> -1L);
    assertEquals(Outcome.CONSOLIDATED, consolidate("b1").outcome());
    assertEquals(1, all(warehouse).size());
  }

  @Test
  protected void H3_aFailingVerificationQueryIsAFailureNotAPass() {
    List<TableId> staging =
        stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    // The process dies right after the MERGE committed, so the rerun has no MERGE counts and must
    // verify by querying; that query fails.
    String merge = "MERGE INTO " + warehouse.dialect().table(MAIN);
    java.util.concurrent.atomic.AtomicBoolean merged =
        new java.util.concurrent.atomic.AtomicBoolean();
    warehouse.beforeTransaction(
        statements -> {
          if (merged.get()) {
            warehouse.crashNow();
          }
          if (statements.stream().anyMatch(sql -> sql.startsWith(merge))) {
            merged.set(true);
          }
        });
    assertThrows(RuntimeException.class, () -> consolidate("b1"));
    FaultyWarehouse restarted = new FaultyWarehouse(warehouse.delegate());
    restarted.failQueriesMatching(sql -> sql.contains("NOT EXISTS"));
    Consolidator rerun = Consolidator.create(restarted, leases, Predictions.config(clock));
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> rerun.consolidate("b1", DAY));
    assertEquals(ConsolidationStep.VERIFIED, failure.step());
    assertTrue(restarted.schema(staging.get(0)).isPresent(), "staging kept");
    restarted.failQueriesMatching(sql -> false);
    assertEquals(Outcome.CONSOLIDATED, rerun.consolidate("b1", DAY).outcome());
    assertTrue(restarted.schema(staging.get(0)).isEmpty());
    assertEquals(1, all(restarted).size());
  }

  @Test
  protected void I6_updateKeepsIdAndCreationTimeAndRefreshesUpdatedAtOnce() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    consolidate("b1");
    Instant firstMerge = all(warehouse).get(0).getTimestamp("updated_at").orElseThrow();
    stage("b2", "w1", prediction("p9", "lebron", "catboost", 25.5, 31, at(5)));
    consolidate("b2");
    Row row = all(warehouse).get(0);
    assertEquals("p1", row.get("prediction_id"));
    assertEquals(at(0), row.get("created_at"));
    assertEquals(31.0, row.get("predicted_points"));
    assertTrue(row.getTimestamp("updated_at").orElseThrow().isAfter(firstMerge));
  }

  @Test
  protected void I9_stagingWriterNamesUnknownAndMistypedColumnsAndWritesNothing() {
    StagingWriter writer = StagingWriter.of(warehouse, MAIN, "b1", "w1");
    Row good = prediction("p1", "lebron", "catboost", 25.5, 28, at(0));
    Row bad =
        good.toBuilder()
            .set("vegas_line_source", "odds_api")
            .set("required_default_count", 0L)
            .set("predicted_points", "28")
            .build();
    SchemaMismatchException error =
        assertThrows(SchemaMismatchException.class, () -> writer.write(List.of(good, bad)));
    assertEquals(
        List.of("predicted_points", "required_default_count", "vegas_line_source"),
        error.columns());
    assertTrue(error.getMessage().contains("row 1"), error.getMessage());
    assertTrue(warehouse.schema(writer.stagingTable()).isEmpty(), "nothing staged");
  }

  @Test
  protected void I12_supersedeKeepsOneActiveRowPerGamePlayerAndSystem() {
    stage(
        "b1",
        "w1",
        prediction("p1", "lebron", "catboost", 25.5, 28, at(0)),
        prediction("p2", "lebron", "xgboost", 25.5, 27, at(0)),
        prediction("p3", "lebron", "similarity", 25.5, 26, at(0)),
        prediction("p4", "lebron", "catboost", 26.5, 28, at(1)));
    ConsolidationReport report = consolidate("b1");
    assertEquals(1, report.deactivatedRows());
    List<Row> active = active(warehouse);
    assertEquals(
        List.of("p2", "p3", "p4"),
        active.stream().map(r -> r.get("prediction_id")).sorted().toList(),
        "every system keeps its newest row; no system loses all of them");
  }

  @Test
  protected void H4_aLineMovingABAKeepsTheNewestActive() {
    stage("b1", "w1", prediction("a1", "lebron", "catboost", 25.5, 28, at(0)));
    consolidate("b1");
    stage("b2", "w1", prediction("b1", "lebron", "catboost", 26.5, 28, at(10)));
    consolidate("b2");
    stage("b3", "w1", prediction("a2", "lebron", "catboost", 25.5, 29, at(20)));
    consolidate("b3");
    List<Row> active = active(warehouse);
    assertEquals(1, active.size());
    assertEquals(25.5, active.get(0).get("current_points_line"));
    assertEquals(29.0, active.get(0).get("predicted_points"));
  }

  @Test
  protected void I13_sameDayRerunsLeaveNoActiveDuplicates() {
    for (int run = 0; run < 3; run++) {
      stage(
          "run" + run,
          "w1",
          prediction("x" + run, "lebron", "catboost", 25.5 + run, 28, at(run)),
          prediction("y" + run, "curry", "catboost", 27.5, 25 + run, at(run)));
      consolidate("run" + run);
    }
    List<Row> active = active(warehouse);
    assertEquals(2, active.size(), active.toString());
    assertEquals(4, all(warehouse).size());
  }

  @Test
  protected void I14_regenerationWithLowEdgeRowsLeavesEverySupersededPlayerActive() {
    stage(
        "b1",
        "w1",
        prediction("p1", "lebron", "catboost_v9", 25.5, 32, at(0)),
        prediction("p2", "curry", "catboost_v9", 27.5, 33, at(0)));
    consolidate("b1");
    warehouse.execute(
        "UPDATE "
            + warehouse.dialect().table(MAIN)
            + " SET is_active = FALSE WHERE game_date = DATE '"
            + DAY
            + "'");
    stage(
        "regen_" + DAY + "_upgrade",
        "w1",
        prediction("r1", "lebron", "catboost_v9", 25.5, 25.9, at(5)),
        prediction("r2", "curry", "catboost_v9", 28.0, 28.1, at(5)));
    consolidate("regen_" + DAY + "_upgrade");
    List<Row> active = active(warehouse);
    assertEquals(
        List.of("curry", "lebron"),
        active.stream().map(r -> r.get("player_lookup")).sorted().toList(),
        "low-edge regenerated rows are stored and active");
  }

  @Test
  protected void I15_inactiveDuplicatesAreToleratedButActiveDuplicatesFail() {
    Row old = prediction("d1", "lebron", "catboost", 25.5, 28, at(0));
    warehouse.append(
        MAIN,
        List.of(
            old.toBuilder().set("is_active", false).build(),
            old.toBuilder().set("prediction_id", "d2").set("is_active", false).build()));
    stage("b1", "w1", prediction("p1", "curry", "catboost", 27.5, 25, at(1)));
    assertEquals(Outcome.CONSOLIDATED, consolidate("b1").outcome());

    warehouse.append(
        MAIN,
        List.of(
            prediction("d3", "harden", "catboost", 20.5, 22, at(2)),
            prediction("d4", "harden", "catboost", 20.5, 23, at(2))));
    List<TableId> staging =
        stage("b2", "w1", prediction("p2", "curry", "xgboost", 27.5, 25, at(3)));
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> consolidate("b2"));
    assertEquals(ConsolidationStep.CHECKED, failure.step());
    assertTrue(warehouse.schema(staging.get(0)).isPresent(), "staging kept for investigation");
  }

  @Test
  protected void I16_theMergeMatchesOnThePartitionPredicate() {
    warehouse.append(
        MAIN,
        List.of(
            prediction("o1", OTHER_DAY, "lebron", "catboost", 25.5, 20, at(0)).toBuilder()
                .set("game_id", "g_" + DAY)
                .build()));
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(1)));
    var plan =
        io.github.courtside.core.merge.MergePlanner.plan(
            warehouse,
            Predictions.spec(SchemaChangePolicy.FAIL),
            warehouse.listTables(MAIN.dataset(), StagingTableName.PREFIX),
            DAY);
    var statement = plan.renderMerge(warehouse.dialect(), T0);
    String merge = statement.toString();
    String on = merge.substring(merge.indexOf("\nON "), merge.indexOf("WHEN MATCHED"));
    assertTrue(
        on.contains("T." + warehouse.dialect().identifier("game_date") + " = @partition_date"), on);
    assertEquals(DAY, statement.parameters().get("partition_date").value());
    consolidate("b1");
    List<Row> rows = all(warehouse);
    assertEquals(2, rows.size(), "the same key in another partition is not matched");
    assertEquals(20.0, rows.get(1).get("predicted_points"), "other partition untouched");
  }

  @Test
  protected void H2_everyStagingTableIsReconciledNotJustTheFirst() {
    TableId first = StagingTableName.of(MAIN, "b1", "a").tableId();
    TableId second = StagingTableName.of(MAIN, "b1", "b").tableId();
    warehouse.createTable(first, Predictions.schema());
    warehouse.createTable(
        second,
        TableSchema.builder()
            .columns(Predictions.schema().columns())
            .column(Column.nullable("vegas_line_source", ColumnType.STRING))
            .build());
    warehouse.append(first, List.of(prediction("p1", "lebron", "catboost", 25.5, 28, at(0))));
    warehouse.append(
        second,
        List.of(
            prediction("p2", "curry", "catboost", 27.5, 25, at(0)).toBuilder()
                .set("vegas_line_source", "odds_api")
                .build()));
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> consolidate("b1"));
    SchemaMismatchException cause = (SchemaMismatchException) failure.getCause();
    assertEquals(List.of("vegas_line_source"), cause.columns());
    assertTrue(cause.getMessage().contains(second.table()), cause.getMessage());

    Consolidator intersect =
        Consolidator.create(
            warehouse,
            leases,
            ConsolidationConfig.builder(Predictions.spec(SchemaChangePolicy.INTERSECT))
                .clock(clock)
                .build());
    ConsolidationReport report = intersect.consolidate("b1", DAY);
    assertEquals(Map.of("vegas_line_source", List.of(second)), report.ignoredColumns());
    assertEquals(2, all(warehouse).size());
  }

  /** The predictions schema with one column's type changed and extra columns. */
  private static TableSchema drifted(String column, ColumnType type, Column... extra) {
    TableSchema.Builder schema = TableSchema.builder();
    for (Column c : Predictions.schema().columns()) {
      schema.column(
          !c.name().equals(column)
              ? c
              : c.required() ? Column.required(column, type) : Column.nullable(column, type));
    }
    return schema.columns(List.of(extra)).build();
  }

  @Test
  protected void schemaDriftCaseOnlyNamesAreOneColumnAndInt64FitsAFloatColumn() {
    TableId first = StagingTableName.of(MAIN, "b1", "a").tableId();
    TableId second = StagingTableName.of(MAIN, "b1", "b").tableId();
    warehouse.createTable(
        first,
        drifted(
            "predicted_points",
            ColumnType.INT64,
            Column.nullable("Vegas_Source", ColumnType.STRING)));
    warehouse.createTable(
        second,
        drifted("game_id", ColumnType.STRING, Column.nullable("vegas_source", ColumnType.STRING)));
    warehouse.append(
        first,
        List.of(
            prediction("p1", "lebron", "catboost", 25.5, 0, at(0)).toBuilder()
                .set("predicted_points", 28L)
                .set("Vegas_Source", "odds_api")
                .build()));
    warehouse.append(
        second,
        List.of(
            prediction("p2", "curry", "catboost", 27.5, 25, at(0)).toBuilder()
                .set("vegas_source", "draftkings")
                .build()));
    Consolidator append =
        Consolidator.create(
            warehouse,
            leases,
            ConsolidationConfig.builder(Predictions.spec(SchemaChangePolicy.APPEND_NEW_COLUMNS))
                .clock(clock)
                .build());
    ConsolidationReport report = append.consolidate("b1", DAY);
    assertEquals(List.of("Vegas_Source"), report.addedColumns(), "one column, not two");
    List<Row> rows = all(warehouse);
    assertEquals(28.0, rows.get(1).get("predicted_points"), "INT64 staged into FLOAT64");
    assertEquals(
        List.of("draftkings", "odds_api"),
        rows.stream()
            .map(
                r ->
                    r.asMap().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("vegas_source"))
                        .map(e -> String.valueOf(e.getValue()))
                        .findFirst()
                        .orElse("absent"))
            .toList());
  }

  @Test
  protected void H2_appendNewColumnsAddsThemToMain() {
    TableId staging = StagingTableName.of(MAIN, "b1", "a").tableId();
    warehouse.createTable(
        staging,
        TableSchema.builder()
            .columns(Predictions.schema().columns())
            .column(Column.nullable("vegas_line_source", ColumnType.STRING))
            .build());
    warehouse.append(
        staging,
        List.of(
            prediction("p2", "curry", "catboost", 27.5, 25, at(0)).toBuilder()
                .set("vegas_line_source", "odds_api")
                .build()));
    Consolidator append =
        Consolidator.create(
            warehouse,
            leases,
            ConsolidationConfig.builder(Predictions.spec(SchemaChangePolicy.APPEND_NEW_COLUMNS))
                .clock(clock)
                .build());
    ConsolidationReport report = append.consolidate("b1", DAY);
    assertEquals(List.of("vegas_line_source"), report.addedColumns());
    assertEquals("odds_api", all(warehouse).get(0).get("vegas_line_source"));
  }

  @Test
  protected void H5_aLeaseLostMidwayStopsBeforeTheNextDestructiveStepAndANewHolderFinishes() {
    List<TableId> staging =
        stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    leases.loseAfterChecks(2);
    assertThrows(LeaseLostException.class, () -> consolidate("b1"));
    assertTrue(warehouse.schema(staging.get(0)).isPresent(), "staging kept");
    ConsolidationReport report = consolidate("b1");
    assertEquals(Outcome.CONSOLIDATED, report.outcome());
    assertTrue(report.resumedAfter().isPresent());
    assertEquals(1, all(warehouse).size());
  }

  @Test
  protected void H5_aStaleHolderIsFencedByTheNewerTokenInTheJournal() {
    String lockName = consolidator.lockName(DAY);
    // A holder acquired token 1, then paused; meanwhile others consolidated under newer tokens.
    io.github.courtside.core.lock.Lease paused = leases.acquire(lockName);
    paused.close();
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    consolidate("b1");
    stage("b2", "w1", prediction("p2", "curry", "catboost", 27.5, 25, at(1)));
    // The paused holder resumes with its old lease, whatever floor it is asked for.
    io.github.courtside.core.lock.LeaseAcquirer stale =
        new io.github.courtside.core.lock.LeaseAcquirer() {
          @Override
          public io.github.courtside.core.lock.Lease acquire(String name) {
            return oldLease(name);
          }

          @Override
          public io.github.courtside.core.lock.Lease acquire(String name, long floor) {
            return oldLease(name);
          }

          private io.github.courtside.core.lock.Lease oldLease(String name) {
            return new io.github.courtside.core.lock.Lease() {
              @Override
              public String lockName() {
                return name;
              }

              @Override
              public String owner() {
                return "paused";
              }

              @Override
              public io.github.courtside.core.lock.FencingToken token() {
                return paused.token();
              }

              @Override
              public Instant expiresAt() {
                return Instant.MAX;
              }

              @Override
              public boolean isHeld() {
                return true; // it believes it still holds the lock: only the warehouse can tell
              }

              @Override
              public void close() {}
            };
          }
        };
    Consolidator resumed = Consolidator.create(warehouse, stale, Predictions.config(clock));
    LeaseLostException lost =
        assertThrows(LeaseLostException.class, () -> resumed.consolidate("b2", DAY));
    assertTrue(lost.getMessage().contains("fenced"), lost.getMessage());
    assertEquals(1, all(warehouse).size(), "the stale holder merged nothing");
  }

  @Test
  protected void tokensNeverGoBackwardsWithANewLockStore() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    leases.issueNewerToken(consolidator.lockName(DAY));
    leases.issueNewerToken(consolidator.lockName(DAY));
    long first = consolidate("b1").fencingToken();
    assertEquals(3, first);
    stage("b2", "w1", prediction("p2", "curry", "catboost", 27.5, 25, at(1)));
    // A restart with a fresh lock store: its own tokens would start again at 1.
    Consolidator restarted =
        Consolidator.create(warehouse, new TestLeases(), Predictions.config(clock));
    ConsolidationReport report = restarted.consolidate("b2", DAY);
    assertEquals(Outcome.CONSOLIDATED, report.outcome());
    assertTrue(report.fencingToken() > first, "token " + report.fencingToken());
    assertEquals(2, all(warehouse).size());
  }

  @Test
  protected void rowsAppendedAfterVerificationSurviveAndAreMergedByTheNextRound() {
    List<TableId> staging =
        stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    // A late writer appends to the planned staging table after the MERGE was verified: before the
    // second transaction after the MERGE's (the first journals VERIFIED, the second SUPERSEDED,
    // with or without an UPDATE, which is skipped when no group has two active rows).
    java.util.concurrent.atomic.AtomicBoolean appended =
        appendBeforeTheNthTransactionAfterTheMerge(
            2, staging.get(0), prediction("late", "curry", "catboost", 27.5, 25, at(1)));
    ConsolidationReport first = consolidate("b1");
    assertTrue(appended.get());
    assertEquals(Outcome.CONSOLIDATED, first.outcome());
    assertEquals(staging, first.keptTables(), "the table that gained a row is kept, reported");
    assertEquals(2, Predictions.count(warehouse, staging.get(0)), "the late row survives");
    assertEquals(List.of("p1"), all(warehouse).stream().map(r -> r.get("prediction_id")).toList());
    ConsolidationReport next = consolidate("b1");
    assertEquals(2, next.round());
    assertEquals(
        List.of("late", "p1"),
        all(warehouse).stream().map(r -> r.get("prediction_id")).sorted().toList());
    assertTrue(warehouse.schema(staging.get(0)).isEmpty(), "dropped once all its rows merged");
  }

  /**
   * A late writer that appends between the cleanup's row count and its dropping transaction: the
   * transaction's guard sees the new count and refuses, the cleanup counts again and keeps the
   * table, and the late row is merged by the next round.
   */
  @Test
  protected void aRowAppendedBetweenTheCleanupCountAndTheDropIsRefusedByTheGuard() {
    List<TableId> staging =
        stage(
            "b1",
            "w1",
            prediction("p1", "lebron", "catboost", 25.5, 28, at(0)),
            prediction("p2", "curry", "catboost", 27.5, 25, at(0)));
    // Transactions after the MERGE's: VERIFIED, SUPERSEDED, CHECKED, then CLEANED's, whose guard
    // re-checks the counts (on a warehouse without DDL in transactions the drops follow it).
    java.util.concurrent.atomic.AtomicBoolean appended =
        appendBeforeTheNthTransactionAfterTheMerge(
            4, staging.get(0), prediction("late", "tatum", "catboost", 30.5, 31, at(1)));
    ConsolidationReport first = consolidate("b1");
    assertTrue(appended.get());
    assertEquals(Outcome.CONSOLIDATED, first.outcome());
    assertEquals(staging, first.keptTables(), "the guard saw the new row; the table is kept");
    assertEquals(3, Predictions.count(warehouse, staging.get(0)), "the late row survives");
    consolidate("b1");
    assertEquals(
        List.of("late", "p1", "p2"),
        all(warehouse).stream().map(r -> r.get("prediction_id")).sorted().toList());
  }

  /**
   * A late writer: appends {@code late} to {@code table}, once, just before the {@code n}-th
   * transaction after the one that MERGEs into the main table; the flag says it did.
   */
  private java.util.concurrent.atomic.AtomicBoolean appendBeforeTheNthTransactionAfterTheMerge(
      int n, TableId table, Row late) {
    java.util.concurrent.atomic.AtomicBoolean appended =
        new java.util.concurrent.atomic.AtomicBoolean();
    String merge = "MERGE INTO " + warehouse.dialect().table(MAIN);
    java.util.concurrent.atomic.AtomicInteger sinceMerge =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    warehouse.beforeTransaction(
        statements -> {
          if (statements.stream().anyMatch(sql -> sql.startsWith(merge))) {
            sinceMerge.set(0);
          } else if (sinceMerge.get() >= 0
              && sinceMerge.incrementAndGet() == n
              && appended.compareAndSet(false, true)) {
            warehouse.delegate().append(table, List.of(late));
          }
        });
    return appended;
  }

  @Test
  protected void legacyDuplicateTargetRowsAreReportedByKeyBeforeAnyWrite() {
    Row old = prediction("d1", "lebron", "catboost", 25.5, 28, at(0));
    warehouse.append(
        MAIN,
        List.of(
            old.toBuilder().set("is_active", false).build(),
            old.toBuilder().set("prediction_id", "d2").set("is_active", false).build()));
    List<Row> before = all(warehouse);
    List<TableId> staging =
        stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 30, at(1)));
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> consolidate("b1"));
    assertEquals(ConsolidationStep.PLANNED, failure.step());
    assertTrue(failure.getMessage().contains("lebron"), failure.getMessage());
    assertTrue(failure.getMessage().contains("25.5"), failure.getMessage());
    assertTrue(failure.getMessage().contains("legacy duplicates"), failure.getMessage());
    assertEquals(before, all(warehouse), "nothing updated or reactivated");
    assertTrue(warehouse.schema(staging.get(0)).isPresent(), "staging kept");
  }

  @Test
  protected void withinOneBatchAnOlderPredictionNeverBeatsTheNewest() {
    stage("b1", "w1", prediction("a", "lebron", "catboost", 22.5, 25, at(0)));
    consolidate("b1");
    // The batch re-predicts line 22.5 (newest) and also holds an older prediction at 23.5.
    stage(
        "b2",
        "w1",
        prediction("a2", "lebron", "catboost", 22.5, 27, at(5)),
        prediction("b", "lebron", "catboost", 23.5, 24, at(3)));
    consolidate("b2");
    assertEquals(List.of(22.5), lines(active(warehouse)));
    assertEquals(27.0, active(warehouse).get(0).get("predicted_points"));
  }

  /**
   * The supersede UPDATE runs only when the MERGE left a group with two active rows, and then
   * deactivates exactly the older ones: a batch that only re-predicts the same lines or adds new
   * players changes nothing and issues no UPDATE; a moved line, a second line staged for a player
   * and an untouched group's legacy pair are each handled as before.
   */
  @Test
  protected void supersedeUpdatesOnlyWhenTheMergeLeftAGroupWithTwoActiveRows() {
    String update = "UPDATE " + warehouse.dialect().table(MAIN);
    java.util.concurrent.atomic.AtomicInteger updates =
        new java.util.concurrent.atomic.AtomicInteger();
    warehouse.beforeTransaction(
        statements -> {
          if (statements.stream().anyMatch(sql -> sql.startsWith(update))) {
            updates.incrementAndGet();
          }
        });
    stage(
        "b1",
        "w1",
        prediction("a", "lebron", "catboost", 25.5, 28, at(0)),
        prediction("b", "curry", "catboost", 27.5, 25, at(0)));
    assertEquals(0, consolidate("b1").deactivatedRows());
    stage(
        "b2",
        "w1",
        prediction("a2", "lebron", "catboost", 25.5, 29, at(1)),
        prediction("c", "doncic", "catboost", 30.5, 33, at(1)));
    assertEquals(0, consolidate("b2").deactivatedRows());
    assertEquals(0, updates.get(), "no group had two active rows: no UPDATE");
    // Legacy: an untouched group with two active rows is not this batch's to supersede.
    warehouse.append(
        MAIN,
        List.of(
            prediction("t1", "tatum", "catboost", 26.5, 24, at(0)),
            prediction("t2", "tatum", "catboost", 27.5, 25, at(0))));
    stage(
        "b3",
        "w1",
        prediction("a3", "lebron", "catboost", 26.5, 30, at(2)),
        prediction("b3", "curry", "catboost", 27.5, 26, at(2)),
        prediction("b4", "curry", "catboost", 28.5, 27, at(3)));
    ConsolidationReport moved = consolidate("b3");
    assertEquals(1, updates.get());
    assertEquals(2, moved.deactivatedRows(), "lebron 25.5 and curry 27.5");
    assertEquals(
        List.of("curry 28.5", "doncic 30.5", "lebron 26.5", "tatum 26.5", "tatum 27.5"),
        active(warehouse).stream()
            .map(r -> r.get("player_lookup") + " " + r.get("current_points_line"))
            .sorted()
            .toList());
  }

  /**
   * Within a group, the newest staged row wins; among rows equally new, the lowest line, a missing
   * line first: on every run, whatever table and order the rows were staged in.
   */
  @Test
  protected void supersedeTiesWithinAGroupGoToTheLowestLineOnEveryRun() {
    List<List<Row>> orders =
        List.of(
            List.of(
                prediction("a", "lebron", "catboost", 25.5, 30, at(5)),
                prediction("b", "lebron", "catboost", 24.5, 31, at(5)),
                prediction("old", "lebron", "catboost", 20.5, 32, at(1))),
            List.of(
                prediction("old", "lebron", "catboost", 20.5, 32, at(1)),
                prediction("b", "lebron", "catboost", 24.5, 31, at(5)),
                prediction("a", "lebron", "catboost", 25.5, 30, at(5))));
    for (int run = 0; run < 4; run++) {
      warehouse.delegate().dropTable(MAIN);
      warehouse.createTable(MAIN, Predictions.schema());
      String batch = "group" + run;
      List<Row> rows = orders.get(run % 2);
      stage(batch, run < 2 ? "w1" : "w2", rows.get(0), rows.get(1));
      stage(batch, run < 2 ? "w2" : "w1", rows.get(2));
      if (run == 3) {
        stage(batch, "w3", prediction("none", "lebron", "catboost", null, 33, at(5)));
      }
      consolidate(batch);
      assertEquals(
          List.of(run == 3 ? "none" : "b"),
          active(warehouse).stream().map(r -> r.get("prediction_id")).toList(),
          "run " + run);
      assertEquals(run == 3 ? 4 : 3, all(warehouse).size(), "run " + run);
    }
  }

  @Test
  protected void tiedStagedRowsGiveTheSameWinnerOnEveryRun() {
    for (int run = 0; run < 3; run++) {
      warehouse.delegate().dropTable(MAIN);
      warehouse.createTable(MAIN, Predictions.schema());
      String batch = "tie" + run;
      // Same key, same ordering value: the tie-break is the staging table's name, then the
      // columns in order (prediction_id first), whatever order the rows were written in.
      stage(
          batch,
          "w2",
          prediction("z", "lebron", "catboost", 25.5, 30, at(0)),
          prediction("y", "lebron", "catboost", 25.5, 31, at(0)));
      stage(
          batch,
          "w1",
          prediction("x", "lebron", "catboost", 25.5, 29, at(0)),
          prediction("m", "lebron", "catboost", 25.5, 28, at(0)));
      consolidate(batch);
      List<Row> rows = all(warehouse);
      assertEquals(1, rows.size());
      assertEquals("m", rows.get(0).get("prediction_id"), "run " + run);
      assertEquals(28.0, rows.get(0).get("predicted_points"), "run " + run);
    }
  }

  @Test
  protected void H6_aFailedConsolidationKeepsItsStagingFromTheReaperAndCanBeRetried() {
    List<TableId> staging =
        stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    warehouse.overrideExecute(sql -> sql.startsWith("MERGE") ? 0L : -1L);
    assertThrows(ConsolidationFailedException.class, () -> consolidate("b1"));
    clock.advance(Duration.ofDays(40));
    var reaper =
        io.github.courtside.core.consolidation.OrphanStagingReaper.create(
            warehouse,
            MAIN,
            Duration.ofHours(24),
            ConsolidationConfig.DEFAULT_JOURNAL_TABLE,
            clock);
    var reap = reaper.reap();
    assertEquals(List.of(), reap.dropped());
    assertEquals(1, reap.kept().size());
    assertEquals(1, reap.kept().get(0).rows());
    assertTrue(warehouse.schema(staging.get(0)).isPresent());
    warehouse.overrideExecute(sql -> -1L);
    assertEquals(Outcome.CONSOLIDATED, consolidate("b1").outcome());
    assertEquals(1, all(warehouse).size());
  }

  @Test
  protected void H7_aFailedConsolidationCannotBeMistakenForASuccess() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    warehouse.overrideExecute(sql -> sql.startsWith("MERGE") ? 0L : -1L);
    List<String> outcomes = new ArrayList<>();
    Consolidator listened =
        Consolidator.create(
            warehouse,
            leases,
            ConsolidationConfig.builder(Predictions.spec(SchemaChangePolicy.FAIL))
                .clock(clock)
                .listener(
                    new io.github.courtside.core.consolidation.ConsolidationListener() {
                      @Override
                      public void consolidationFinished(ConsolidationReport report) {
                        outcomes.add(report.outcome().name());
                      }

                      @Override
                      public void consolidationFailed(ConsolidationFailedException failure) {
                        outcomes.add("FAILED");
                      }
                    })
                .build());
    // No report value exists for a failed run: the caller gets the exception, never a success.
    assertThrows(ConsolidationFailedException.class, () -> listened.consolidate("b1", DAY));
    assertEquals(List.of("FAILED"), outcomes);
  }

  @Test
  protected void H8_batchIdsThatUsedToSanitiseAlikeGetDistinctStagingTables() {
    stage("batch-1", "w-1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    stage("batch_1", "w_1", prediction("p2", "curry", "catboost", 27.5, 25, at(0)));
    ConsolidationReport report = consolidate("batch-1");
    assertEquals(1, report.stagedRows());
    assertEquals(
        1,
        warehouse.listTables(MAIN.dataset(), StagingTableName.batchPrefix(MAIN, "batch_1")).size(),
        "the other batch's table survives");
  }

  @Test
  protected void H9_stagedRowsOfAnotherPartitionAreNeitherMergedNorDropped() {
    List<TableId> staging =
        stage(
            "b1",
            "w1",
            prediction("p1", "lebron", "catboost", 25.5, 28, at(0)),
            prediction("p2", OTHER_DAY, "curry", "catboost", 27.5, 25, at(0)));
    ConsolidationFailedException failure =
        assertThrows(ConsolidationFailedException.class, () -> consolidate("b1"));
    assertEquals(ConsolidationStep.PLANNED, failure.step());
    assertTrue(failure.getMessage().contains("1 staged rows belong to another partition"));
    assertEquals(List.of(), all(warehouse));
    assertEquals(2, Predictions.count(warehouse, staging.get(0)));
  }

  @Test
  protected void theReaperDropsOnlyOldTablesOfVerifiedRounds() {
    stage("b1", "w1", prediction("p1", "lebron", "catboost", 25.5, 28, at(0)));
    TableId leftover = StagingTableName.of(MAIN, "b1", "w1").tableId();
    // The verified table's drop is lost (on BigQuery drops follow the journal entry).
    warehouse.overrideExecute(sql -> sql.startsWith("DROP TABLE") ? 0L : -1L);
    warehouse.keepTablesOnDrop(true);
    consolidate("b1");
    warehouse.overrideExecute(sql -> -1L);
    warehouse.keepTablesOnDrop(false);
    assertTrue(warehouse.schema(leftover).isPresent());
    stage("b2", "w1", prediction("p2", "curry", "catboost", 27.5, 25, at(0)));
    stage("b3", "w1", prediction("p3", "harden", "catboost", 20.5, 22, at(0)));
    TableId recreated = StagingTableName.of(MAIN, "b3", "w1").tableId();
    consolidate("b3");
    clock.advance(Duration.ofMinutes(5));
    // A table of a verified round by name, but a new table: created after that round planned.
    stage("b3", "w1", prediction("p4", "curry", "xgboost", 27.5, 25, at(0)));
    var reaper =
        io.github.courtside.core.consolidation.OrphanStagingReaper.create(
            warehouse,
            MAIN,
            Duration.ofHours(24),
            ConsolidationConfig.DEFAULT_JOURNAL_TABLE,
            clock);
    assertEquals(List.of(), reaper.reap().dropped(), "too young");
    clock.advance(Duration.ofDays(2));
    var report = reaper.reap();
    assertEquals(List.of(leftover), report.dropped().stream().map(d -> d.table()).toList());
    Map<TableId, io.github.courtside.core.consolidation.OrphanStagingReaper.KeepReason> kept =
        report.kept().stream().collect(Collectors.toMap(k -> k.table(), k -> k.reason()));
    assertEquals(
        io.github.courtside.core.consolidation.OrphanStagingReaper.KeepReason.UNFINISHED_BATCH,
        kept.get(StagingTableName.of(MAIN, "b2", "w1").tableId()));
    assertEquals(
        io.github.courtside.core.consolidation.OrphanStagingReaper.KeepReason.CHANGED_SINCE_MERGED,
        kept.get(recreated),
        "judged by creation time, not by name");
  }
}
