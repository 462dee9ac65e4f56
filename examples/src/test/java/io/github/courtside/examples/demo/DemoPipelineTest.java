package io.github.courtside.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.examples.report.GradedRow;
import io.github.courtside.examples.report.GradedRowFiles;
import io.github.courtside.models.grading.AccuracySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole embedded pipeline on a small league: every step accounts for every player. */
class DemoPipelineTest {

  static DemoConfig small(Path folder, long seed) {
    return DemoConfig.builder(folder)
        .seed(seed)
        .teams(4)
        .gamesPerTeam(12)
        .gradedDates(3)
        .workers(3)
        .build();
  }

  @Test
  void everyStepAccountsForEveryPlayerAndEachDateIsConsolidatedOnce(@TempDir Path folder)
      throws Exception {
    DemoReport report = new DemoPipeline(small(folder, 7)).run();

    int games = 4 / 2 * 12;
    assertEquals(games, report.games());
    assertEquals(games, report.gamebooksParsed());
    assertEquals(games, report.gamebooksComplete(), "every synthetic gamebook parses back whole");
    try (Stream<Path> pdfs = Files.list(folder.resolve("gamebooks"))) {
      assertEquals(games, pdfs.count());
    }
    // 12 rotation players per team, as active or DNP unless out injured.
    assertTrue(report.playerGameRows() <= games * 2 * 12L, "" + report.playerGameRows());
    assertTrue(report.playerGameRows() >= games * 2 * 10L, "" + report.playerGameRows());
    assertTrue(report.trainingRows() > 0);
    assertTrue(report.predictions() > 3 * 20, "three dates of slates: " + report.predictions());
    assertEquals(
        report.predictions(), report.qualityTiers().values().stream().mapToLong(n -> n).sum());
    assertEquals(
        report.predictions(), report.recommendations().values().stream().mapToLong(n -> n).sum());

    assertEquals(
        List.copyOf(new java.util.TreeSet<>(report.qualityTiers().keySet())),
        List.copyOf(report.qualityTiers().keySet()),
        "tiers print in the same (sorted) order in every run, not a JVM's hash order");
    assertEquals(
        List.copyOf(new java.util.TreeSet<>(report.recommendations().keySet())),
        List.copyOf(report.recommendations().keySet()));
    assertEquals(3, report.batches());
    assertEquals(3, report.batchCompletions(), "exactly one record call completes each batch");
    assertEquals(3, report.consolidations().size());
    for (ConsolidationReport merge : report.consolidations()) {
      assertEquals(ConsolidationReport.Outcome.CONSOLIDATED, merge.outcome());
      assertEquals(3, merge.stagingTables().size(), "one staging table per worker");
      assertEquals(3, merge.droppedTables());
    }
    long[] totals = report.consolidationTotals();
    assertEquals(report.predictions(), totals[0]);
    assertEquals(report.predictions(), totals[1]);
    assertEquals(ConsolidationReport.Outcome.ALREADY_CONSOLIDATED, report.rerun().outcome());
    assertEquals(report.predictions(), report.activePredictions());

    AccuracySummary accuracy = report.accuracy();
    assertEquals(report.predictions(), report.graded().size(), "every prediction is graded");
    assertEquals(
        report.predictions(),
        accuracy.wins()
            + accuracy.losses()
            + accuracy.pushes()
            + accuracy.voids()
            + accuracy.passes()
            + accuracy.noLine(),
        "every prediction is graded into exactly one outcome");
    // The readiness gate is on: blocked vectors are answered by the tagged fallback.
    assertTrue(report.blocked() > 0, "the seeded feature store has gaps the gate blocks");
    assertEquals(report.blocked(), report.graded().stream().filter(GradedRow::isBlocked).count());
    assertEquals(report.fallbacks(), accuracy.fallbacks());
    assertTrue(report.blocked() <= report.fallbacks());
    assertTrue(report.imputedValues() > 0, "missing opening lines are imputed");
    assertTrue(
        report.graded().stream().anyMatch(row -> row.imputedFeatures() > 0),
        "imputations reach the graded rows");
    assertTrue(
        report.graded().stream().allMatch(row -> !row.qualityTier().isEmpty()),
        "the gate scored every vector");
    assertTrue(Files.size(folder.resolve("model.json")) > 0);
    assertTrue(Files.size(folder.resolve("model.metadata.json")) > 0);
    assertEquals(folder.resolve("report").resolve("index.html"), report.reportIndex());
    assertTrue(Files.isRegularFile(report.reportIndex()));
    assertEquals(
        report.graded(),
        GradedRowFiles.read(folder.resolve("report").resolve("graded.csv")),
        "the report's CSV holds every graded prediction");
    assertTrue(Files.size(folder.resolve("predictions.json")) > 0);
    assertTrue(Files.size(folder.resolve("results.json")) > 0);
  }

  @Test
  void theSameSeedGivesTheSameGradedRowsAndAnotherSeedDoesNot(@TempDir Path folder) {
    List<GradedRow> first = new DemoPipeline(small(folder.resolve("a"), 11)).run().graded();
    List<GradedRow> again = new DemoPipeline(small(folder.resolve("b"), 11)).run().graded();
    List<GradedRow> other = new DemoPipeline(small(folder.resolve("c"), 12)).run().graded();

    assertEquals(first, again);
    assertTrue(!first.equals(other), "another seed plays another season");
  }

  @Test
  void configurationsThatCannotRunAreRefused(@TempDir Path folder) {
    assertThrows(IllegalArgumentException.class, () -> DemoConfig.builder(folder).teams(5).build());
    assertThrows(
        IllegalArgumentException.class, () -> DemoConfig.builder(folder).gradedDates(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DemoConfig.builder(folder).gamesPerTeam(10).gradedDates(30).build());
    assertThrows(
        IllegalArgumentException.class, () -> DemoConfig.builder(folder).workers(0).build());
  }

  @Test
  void aDatasetThatAlreadyHoldsTablesIsRefusedBeforeAnyWork(@TempDir Path folder) {
    DemoConfig config = small(folder, 7);
    try (io.github.courtside.duckdb.warehouse.DuckDbWarehouse warehouse =
        io.github.courtside.duckdb.warehouse.DuckDbWarehouse.builder().build()) {
      io.github.courtside.core.warehouse.TableId leftOver =
          io.github.courtside.core.warehouse.TableId.of(config.dataset(), "from_an_earlier_run");
      warehouse.createTable(
          leftOver,
          io.github.courtside.core.warehouse.TableSchema.builder()
              .column(
                  io.github.courtside.core.warehouse.Column.required(
                      "id", io.github.courtside.core.warehouse.ColumnType.STRING))
              .build());
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new DemoPipeline(config)
                      .run(
                          warehouse,
                          new io.github.courtside.core.coordination.InMemoryCoordinationStore()));
      assertTrue(
          refused.getMessage().contains("dataset " + config.dataset()), refused.getMessage());
      assertTrue(refused.getMessage().contains("from_an_earlier_run"), refused.getMessage());
      assertEquals(
          List.of(leftOver), warehouse.listTables(config.dataset(), ""), "nothing written");
    }
  }
}
