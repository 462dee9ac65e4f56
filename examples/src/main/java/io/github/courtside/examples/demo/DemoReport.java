package io.github.courtside.examples.demo;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.examples.report.GradedRow;
import io.github.courtside.models.grading.AccuracySummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one demo run did, step by step.
 *
 * @param directory where its files are
 * @param predictedDay the day predicted and graded
 * @param gamebooksParsed gamebook PDFs rendered and parsed back
 * @param gamebooksComplete of those, how many parsed with every section complete and every
 *     box-score identity holding
 * @param playerGameRows rows loaded into the player-game table
 * @param trainingRows point-in-time feature vectors the model was trained on
 * @param modelTrees trees of the trained model
 * @param predictions predictions made for the predicted day
 * @param qualityTiers how many vectors fell in each quality tier
 * @param recommendations how many predictions were OVER, UNDER and PASS
 * @param stagingTables staging tables the workers wrote
 * @param batchCompletions how many workers' record calls completed the batch (exactly one)
 * @param consolidation the consolidation run's report
 * @param rerun the report of consolidating the same batch again (nothing to do)
 * @param activePredictions active rows in the predictions table for the day after consolidation
 * @param accuracy the grading of the day's predictions against the games
 * @param graded every graded prediction, in grading order
 * @param reportIndex the report folder's {@code index.html}
 */
public record DemoReport(
    Path directory,
    LocalDate predictedDay,
    int gamebooksParsed,
    int gamebooksComplete,
    long playerGameRows,
    int trainingRows,
    int modelTrees,
    int predictions,
    Map<String, Long> qualityTiers,
    Map<String, Long> recommendations,
    int stagingTables,
    int batchCompletions,
    ConsolidationReport consolidation,
    ConsolidationReport rerun,
    long activePredictions,
    AccuracySummary accuracy,
    List<GradedRow> graded,
    Path reportIndex) {

  public DemoReport {
    qualityTiers = Map.copyOf(qualityTiers);
    recommendations = Map.copyOf(recommendations);
    graded = List.copyOf(graded);
  }
}
