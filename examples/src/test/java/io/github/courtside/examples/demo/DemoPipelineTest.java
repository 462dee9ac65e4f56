package io.github.courtside.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.models.grading.AccuracySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole embedded pipeline, small: every step accounts for every player. */
class DemoPipelineTest {

  @Test
  void everyStepAccountsForEveryPlayerAndTheBatchIsConsolidatedOnce(@TempDir Path folder)
      throws Exception {
    DemoConfig config =
        DemoConfig.builder(folder).seed(7).teams(4).historyDays(12).workers(3).build();

    DemoReport report = new DemoPipeline(config).run();

    int games = (12 + 1) * 2;
    assertEquals(games, report.gamebooksParsed());
    assertEquals(games, report.gamebooksComplete(), "every synthetic gamebook parses back whole");
    try (Stream<Path> pdfs = Files.list(folder.resolve("gamebooks"))) {
      assertEquals(games, pdfs.count());
    }
    // 12 rotation players per team appear as active or DNP in every game.
    assertEquals(games * 2 * 12L, report.playerGameRows());
    assertTrue(report.trainingRows() > 0);
    assertEquals(4 * 12, report.predictions());
    assertEquals(
        report.predictions(), report.qualityTiers().values().stream().mapToLong(n -> n).sum());
    assertEquals(
        report.predictions(), report.recommendations().values().stream().mapToLong(n -> n).sum());

    assertEquals(1, report.batchCompletions(), "exactly one record call completes the batch");
    ConsolidationReport merge = report.consolidation();
    assertEquals(ConsolidationReport.Outcome.CONSOLIDATED, merge.outcome());
    assertEquals(3, merge.stagingTables().size());
    assertEquals(report.predictions(), merge.stagedRows());
    assertEquals(report.predictions(), merge.mergedRows());
    assertEquals(3, merge.droppedTables());
    assertEquals(ConsolidationReport.Outcome.ALREADY_CONSOLIDATED, report.rerun().outcome());
    assertEquals(report.predictions(), report.activePredictions());

    AccuracySummary accuracy = report.accuracy();
    assertEquals(
        report.predictions(),
        accuracy.wins()
            + accuracy.losses()
            + accuracy.pushes()
            + accuracy.voids()
            + accuracy.passes()
            + accuracy.noLine(),
        "every prediction is graded into exactly one outcome");
    assertEquals(0, accuracy.fallbacks());
    assertTrue(Files.size(folder.resolve("model.json")) > 0);
    assertEquals(folder.resolve("report").resolve("index.html"), report.reportIndex());
    assertTrue(Files.isRegularFile(report.reportIndex()));
    assertEquals(
        report.graded(),
        io.github.courtside.examples.report.GradedRowFiles.read(
            folder.resolve("report").resolve("graded.csv")),
        "the report's CSV holds every graded prediction");
    assertEquals(
        accuracy.wins(),
        report.graded().stream().filter(r -> r.outcome().name().equals("WIN")).count());
    assertTrue(Files.size(folder.resolve("model.metadata.json")) > 0);
  }

  @Test
  void configurationsThatCannotRunAreRefused(@TempDir Path folder) {
    assertThrows(IllegalArgumentException.class, () -> DemoConfig.builder(folder).teams(5).build());
    assertThrows(
        IllegalArgumentException.class, () -> DemoConfig.builder(folder).historyDays(3).build());
    assertThrows(
        IllegalArgumentException.class, () -> DemoConfig.builder(folder).workers(0).build());
  }

  @Test
  void aDatasetThatAlreadyHoldsTablesIsRefusedBeforeAnyWork(@TempDir Path folder) {
    DemoConfig config = DemoConfig.builder(folder).seed(7).teams(4).historyDays(12).build();
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
