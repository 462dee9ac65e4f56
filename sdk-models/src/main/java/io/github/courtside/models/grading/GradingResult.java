package io.github.courtside.models.grading;

import java.util.List;

/**
 * The output of {@link Grader#grade}: the graded rows and an account of every prediction that was
 * not graded, so nothing disappears silently.
 *
 * <pre>{@code
 * GradingResult result = grader.grade(predictions, actuals);
 * log.info("graded {}, duplicates {}, placeholders {}, no result {}", result.rows().size(),
 *     result.duplicatesDropped(), result.placeholderLinesSkipped(), result.missingResults());
 * }</pre>
 *
 * @param rows one graded row per player, game and system
 * @param duplicatesDropped predictions replaced by a later one for the same player, game, system
 * @param placeholderLinesSkipped predictions against a placeholder line, not graded
 * @param missingResults predictions whose game has no actual result yet, not graded
 */
public record GradingResult(
    List<GradedPrediction> rows,
    int duplicatesDropped,
    int placeholderLinesSkipped,
    int missingResults) {
  public GradingResult {
    rows = List.copyOf(rows);
  }
}
