package io.github.courtside.examples.demo;

import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.examples.report.GradedRow;
import io.github.courtside.models.grading.AccuracySummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one demo run did, step by step.
 *
 * @param directory where its files are
 * @param firstGradedDate the first game date predicted and graded
 * @param lastGradedDate the last game date predicted and graded
 * @param games games in the season
 * @param gamebooksParsed gamebook PDFs rendered and parsed back
 * @param gamebooksComplete of those, how many parsed with every section complete and every
 *     box-score identity holding
 * @param playerGameRows rows loaded into the player-game table
 * @param trainingRows point-in-time feature vectors the model was trained on
 * @param modelTrees trees of the trained model
 * @param predictions predictions made over the graded dates
 * @param qualityTiers how many vectors fell in each quality tier
 * @param recommendations how many predictions were OVER, UNDER and PASS
 * @param batches fan-out batches, one per graded date
 * @param workers workers per batch, each writing its own staging table
 * @param batchCompletions record calls that completed a batch (exactly one per batch)
 * @param consolidations each batch's consolidation report, by date
 * @param rerun the report of consolidating the last batch again (nothing to do)
 * @param activePredictions active rows in the predictions table for the graded dates
 * @param blocked vectors the readiness gate blocked (answered by the tagged fallback)
 * @param fallbacks predictions the fallback answered, blocked ones included
 * @param imputedValues feature values imputed with the training medians
 * @param accuracy the grading of the predictions against the games
 * @param graded every graded prediction, by date, game and player
 * @param reportIndex the report folder's {@code index.html}
 */
public record DemoReport(
    Path directory,
    LocalDate firstGradedDate,
    LocalDate lastGradedDate,
    int games,
    int gamebooksParsed,
    int gamebooksComplete,
    long playerGameRows,
    int trainingRows,
    int modelTrees,
    int predictions,
    Map<String, Long> qualityTiers,
    Map<String, Long> recommendations,
    int batches,
    int workers,
    int batchCompletions,
    List<ConsolidationReport> consolidations,
    ConsolidationReport rerun,
    long activePredictions,
    long blocked,
    long fallbacks,
    long imputedValues,
    AccuracySummary accuracy,
    List<GradedRow> graded,
    Path reportIndex) {

  public DemoReport {
    // Sorted, so that the printed summary is the same from one run to the next.
    qualityTiers = Collections.unmodifiableMap(new TreeMap<>(qualityTiers));
    recommendations = Collections.unmodifiableMap(new TreeMap<>(recommendations));
    consolidations = List.copyOf(consolidations);
    graded = List.copyOf(graded);
  }

  /** Staged, merged and deactivated rows and dropped staging tables, summed over the batches. */
  public long[] consolidationTotals() {
    long[] totals = new long[4];
    for (ConsolidationReport report : consolidations) {
      totals[0] += report.stagedRows();
      totals[1] += report.mergedRows();
      totals[2] += report.deactivatedRows();
      totals[3] += report.droppedTables();
    }
    return totals;
  }
}
