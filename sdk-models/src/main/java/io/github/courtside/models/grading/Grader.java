package io.github.courtside.models.grading;

import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.Recommendation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Grades predictions against actual results (spec-ml §4.1).
 *
 * <ul>
 *   <li>One row per (player, game, system): a later prediction in the input replaces an earlier one
 *       (inputs are in creation order), and the dropped duplicates are counted (§6 #30).
 *   <li>Predictions against a placeholder line (20.0 by default) are skipped and counted.
 *   <li>DNP, no points, or 0 points without minutes → {@link Outcome#VOID}.
 *   <li>No line → {@link Outcome#NO_LINE}; PASS → {@link Outcome#PASS}; actual == line → {@link
 *       Outcome#PUSH}; otherwise WIN iff {@code (actual > line) == (recommendation == OVER)}.
 *   <li>Absolute and signed errors for every non-void row (MAE is over those).
 * </ul>
 *
 * <pre>{@code
 * Grader grader = new Grader();
 * GradingResult result = grader.grade(predictions, actuals);
 * AccuracyReport report = new AccuracyMonitor(AccuracyMonitorConfig.defaults()).report(result.rows());
 * }</pre>
 */
public final class Grader {
  private final Set<Double> placeholderLines;
  private final Set<String> placeholderSources;

  /**
   * A grader treating lines from source {@link Prediction#PLACEHOLDER_LINE} as placeholders: a real
   * line of 20.0 is graded like any other.
   */
  public Grader() {
    this(Set.of(), Set.of(Prediction.PLACEHOLDER_LINE));
  }

  /**
   * A grader treating these line <em>values</em> as placeholders (the reference's rule, which also
   * drops real lines of that value).
   *
   * @deprecated identify placeholders by their source: {@link #placeholderSources(Set)}
   */
  @Deprecated
  public Grader(Set<Double> placeholderLines) {
    this(placeholderLines, Set.of(Prediction.PLACEHOLDER_LINE));
  }

  private Grader(Set<Double> placeholderLines, Set<String> placeholderSources) {
    this.placeholderLines = Set.copyOf(placeholderLines);
    this.placeholderSources = Set.copyOf(placeholderSources);
  }

  /** A grader treating lines from these {@link Prediction#lineSource() sources} as placeholders. */
  public static Grader placeholderSources(Set<String> sources) {
    return new Grader(Set.of(), sources);
  }

  /** Whether a prediction's line is a placeholder (by its source, or a configured value). */
  public boolean isPlaceholder(Prediction prediction) {
    return prediction.line().isPresent()
        && (placeholderSources.contains(prediction.lineSource())
            || placeholderLines.contains(prediction.line().getAsDouble()));
  }

  /**
   * Grades predictions against results: one row per (player, game, system), the newest by {@link
   * Prediction#createdAt()} (on a tie, the later in the collection), whatever the input order.
   */
  public GradingResult grade(Collection<Prediction> predictions, Collection<ActualResult> actuals) {
    Map<String, ActualResult> results = new HashMap<>();
    for (ActualResult actual : actuals) {
      results.put(actual.playerLookup() + '\u0000' + actual.gameId(), actual);
    }
    Map<String, Prediction> latest = new LinkedHashMap<>();
    int duplicates = 0;
    for (Prediction prediction : predictions) {
      String key =
          prediction.playerLookup()
              + '\u0000'
              + prediction.gameId()
              + '\u0000'
              + prediction.modelId();
      Prediction seen = latest.get(key);
      if (seen == null) {
        latest.put(key, prediction);
        continue;
      }
      duplicates++;
      if (!prediction.createdAt().isBefore(seen.createdAt())) {
        latest.put(key, prediction);
      }
    }
    List<GradedPrediction> rows = new ArrayList<>();
    int placeholders = 0;
    int missing = 0;
    for (Prediction prediction : latest.values()) {
      if (isPlaceholder(prediction)) {
        placeholders++;
        continue;
      }
      ActualResult actual = results.get(prediction.playerLookup() + '\u0000' + prediction.gameId());
      if (actual == null) {
        missing++;
        continue;
      }
      rows.add(grade(prediction, actual));
    }
    return new GradingResult(rows, duplicates, placeholders, missing);
  }

  /** Grades one prediction against its result. */
  public static GradedPrediction grade(Prediction prediction, ActualResult actual) {
    if (actual.isVoid()) {
      return new GradedPrediction(
          prediction,
          OptionalDouble.empty(),
          Outcome.VOID,
          OptionalDouble.empty(),
          OptionalDouble.empty());
    }
    double points = actual.points().orElseThrow();
    double signed = prediction.predictedPoints() - points;
    Outcome outcome;
    if (prediction.line().isEmpty()) {
      outcome = Outcome.NO_LINE;
    } else if (!prediction.recommendation().isPick()) {
      outcome = Outcome.PASS;
    } else {
      double line = prediction.line().getAsDouble();
      if (points == line) {
        outcome = Outcome.PUSH;
      } else {
        boolean over = points > line;
        outcome =
            over == (prediction.recommendation() == Recommendation.OVER)
                ? Outcome.WIN
                : Outcome.LOSS;
      }
    }
    return new GradedPrediction(
        prediction,
        OptionalDouble.of(points),
        outcome,
        OptionalDouble.of(Math.abs(signed)),
        OptionalDouble.of(signed));
  }
}
