package io.github.courtside.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.examples.demo.DemoBackends.Backend;
import io.github.courtside.examples.demo.DemoBackends.Coordination;
import io.github.courtside.models.grading.AccuracySummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same small league on DuckDB and on BigQuery (the local server, in-process): every number of
 * the summary is the same.
 */
class DemoOnBigQueryTest {

  @Test
  void bigQueryRunReportsTheSameSummaryAsDuckDbForTheSameSeed(@TempDir Path folder) {
    DemoConfig onDuckDb =
        DemoConfig.builder(folder.resolve("duckdb"))
            .seed(7)
            .teams(2)
            .gamesPerTeam(12)
            .gradedDates(2)
            .workers(2)
            .build();
    DemoConfig onBigQuery =
        DemoConfig.builder(folder.resolve("bigquery"))
            .seed(7)
            .teams(2)
            .gamesPerTeam(12)
            .gradedDates(2)
            .workers(2)
            .dataset("nba_demo")
            .build();

    DemoReport duckDb = new DemoPipeline(onDuckDb).run();
    DemoReport bigQuery;
    try (DemoBackends backends =
        DemoBackends.open(
            Backend.BIGQUERY,
            Coordination.EMBEDDED,
            new DemoBackends.Settings(onBigQuery.directory(), null, null, null, Map.of()))) {
      bigQuery = new DemoPipeline(onBigQuery).run(backends.warehouse(), backends.store());
      long active =
          backends
              .warehouse()
              .query("SELECT COUNT(*) AS n FROM `nba_demo.player_prop_predictions` WHERE is_active")
              .get(0)
              .getLong("n")
              .orElseThrow();
      assertEquals(bigQuery.predictions(), active, "the predictions are in the renamed dataset");
    }

    assertEquals(summary(duckDb), summary(bigQuery));
    assertTrue(bigQuery.predictions() >= 2 * 20, "the run is not trivially empty");
    assertEquals(
        ConsolidationReport.Outcome.CONSOLIDATED, bigQuery.consolidations().get(0).outcome());
    assertEquals(duckDb.graded(), bigQuery.graded(), "the same graded rows on both backends");
  }

  private static String rounded(OptionalDouble value, String format) {
    return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "n/a";
  }

  /** Everything the demo prints except timings, folders and generated batch ids. */
  private static Map<String, Object> summary(DemoReport report) {
    ConsolidationReport merge = report.consolidations().get(0);
    AccuracySummary accuracy = report.accuracy();
    return Map.ofEntries(
        Map.entry("gradedDates", List.of(report.firstGradedDate(), report.lastGradedDate())),
        Map.entry("blocked", List.of(report.blocked(), report.fallbacks(), report.imputedValues())),
        Map.entry("gamebooksParsed", report.gamebooksParsed()),
        Map.entry("gamebooksComplete", report.gamebooksComplete()),
        Map.entry("playerGameRows", report.playerGameRows()),
        Map.entry("trainingRows", report.trainingRows()),
        Map.entry("modelTrees", report.modelTrees()),
        Map.entry("predictions", report.predictions()),
        Map.entry("qualityTiers", report.qualityTiers()),
        Map.entry("recommendations", report.recommendations()),
        Map.entry("batches", List.of(report.batches(), report.workers())),
        Map.entry("batchCompletions", report.batchCompletions()),
        Map.entry(
            "consolidation",
            List.of(
                merge.outcome(),
                merge.fencingToken(),
                merge.stagingTables().size(),
                merge.stagedRows(),
                merge.mergedRows(),
                merge.deactivatedRows(),
                merge.droppedTables(),
                merge.timings().stream().map(ConsolidationReport.StepTiming::step).toList())),
        Map.entry("rerun", report.rerun().outcome()),
        Map.entry("activePredictions", report.activePredictions()),
        // As printed: the workers' predictions arrive in any order, so sums of doubles may differ
        // in the last bit between two runs on the same backend.
        Map.entry(
            "accuracy",
            List.of(
                accuracy.wins(),
                accuracy.losses(),
                accuracy.pushes(),
                accuracy.voids(),
                accuracy.passes(),
                accuracy.noLine(),
                accuracy.fallbacks(),
                rounded(accuracy.hitRate(), "%.3f"),
                rounded(accuracy.meanAbsoluteError(), "%.2f"))));
  }
}
