package io.github.courtside.models.grading;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Counts and rates over a set of graded predictions. Hit rate is {@code wins / (wins + losses)}:
 * PASS, pushes, voids and no-line rows are counted separately and never enter the denominator
 * (spec-ml §4.4, the January "12% accuracy" incident).
 *
 * <pre>{@code
 * AccuracySummary all = AccuracySummary.of(result.rows());
 * boolean profitable = all.hitRate().orElse(0) > AccuracyMonitor.BREAK_EVEN_AT_MINUS_110;
 * }</pre>
 *
 * @param wins correct OVER/UNDER picks
 * @param losses wrong OVER/UNDER picks
 * @param pushes picks where the actual equalled the line
 * @param voids predictions for players who did not play
 * @param passes PASS recommendations
 * @param noLine predictions without a line
 * @param fallbacks predictions answered by a fallback
 * @param hitRate wins / (wins + losses), empty without decided picks
 * @param meanAbsoluteError mean absolute error over non-void model predictions (fallback rows are
 *     excluded: they are not the model's error), empty without any
 * @param roi profit per pick placed at -110 odds, pushes counted in the denominator (a push is a
 *     bet placed and refunded), empty without decided picks or pushes
 */
public record AccuracySummary(
    long wins,
    long losses,
    long pushes,
    long voids,
    long passes,
    long noLine,
    long fallbacks,
    OptionalDouble hitRate,
    OptionalDouble meanAbsoluteError,
    OptionalDouble roi) {

  /** The summary of these rows. */
  public static AccuracySummary of(Collection<GradedPrediction> rows) {
    long wins = 0;
    long losses = 0;
    long pushes = 0;
    long voids = 0;
    long passes = 0;
    long noLine = 0;
    long fallbacks = 0;
    double errorSum = 0;
    long errors = 0;
    for (GradedPrediction row : rows) {
      switch (row.outcome()) {
        case WIN -> wins++;
        case LOSS -> losses++;
        case PUSH -> pushes++;
        case VOID -> voids++;
        case PASS -> passes++;
        case NO_LINE -> noLine++;
      }
      if (row.prediction().isFallback()) {
        fallbacks++;
      }
      if (row.absoluteError().isPresent() && !row.prediction().isFallback()) {
        errorSum += row.absoluteError().getAsDouble();
        errors++;
      }
    }
    long decided = wins + losses;
    OptionalDouble hitRate =
        decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) wins / decided);
    long placed = decided + pushes;
    OptionalDouble roi =
        placed == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of((wins * (100.0 / 110.0) - losses) / placed);
    OptionalDouble mae =
        errors == 0 ? OptionalDouble.empty() : OptionalDouble.of(errorSum / errors);
    return new AccuracySummary(
        wins, losses, pushes, voids, passes, noLine, fallbacks, hitRate, mae, roi);
  }

  /** The 95% Wilson interval of the hit rate, empty without decided picks. */
  public java.util.Optional<HitRateInterval> hitRateInterval() {
    long decided = decided();
    return decided == 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(HitRateInterval.wilson95(wins, decided));
  }

  /** The break-even hit rate at -110 the interval is read against: 52.38%. */
  public double breakEven() {
    return AccuracyMonitor.BREAK_EVEN_AT_MINUS_110;
  }

  /** Decided picks: wins plus losses. */
  public long decided() {
    return wins + losses;
  }
}
