package io.github.courtside.examples.report;

import io.github.courtside.models.grading.Outcome;
import java.util.Collection;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Counts and rates over graded rows, as {@code AccuracySummary} counts them: hit rate is wins over
 * wins plus losses (passes, pushes, voids and rows without a line never enter it), MAE is over the
 * rows with a result.
 *
 * @param rows graded rows
 * @param wins winning picks
 * @param losses losing picks
 * @param pushes picks that equalled the line
 * @param voids rows whose player did not play
 * @param passes PASS recommendations
 * @param noLine rows without a line
 * @param fallbacks rows a fallback answered (blocked ones included)
 * @param blocked rows the quality gate blocked
 * @param imputed rows with at least one imputed feature value
 * @param meanAbsoluteError mean |predicted - actual| over rows with a result
 */
public record RowSummary(
    long rows,
    long wins,
    long losses,
    long pushes,
    long voids,
    long passes,
    long noLine,
    long fallbacks,
    long blocked,
    long imputed,
    OptionalDouble meanAbsoluteError) {

  /** The summary of these rows. */
  public static RowSummary of(Collection<GradedRow> rows) {
    long[] outcomes = new long[Outcome.values().length];
    long fallbacks = 0;
    long blocked = 0;
    long imputed = 0;
    double errors = 0;
    long measured = 0;
    for (GradedRow row : rows) {
      outcomes[row.outcome().ordinal()]++;
      fallbacks += row.isFallback() ? 1 : 0;
      blocked += row.isBlocked() ? 1 : 0;
      imputed += row.imputedFeatures() > 0 ? 1 : 0;
      if (row.actualPoints().isPresent()) {
        errors += Math.abs(row.predictedPoints() - row.actualPoints().getAsDouble());
        measured++;
      }
    }
    return new RowSummary(
        rows.size(),
        outcomes[Outcome.WIN.ordinal()],
        outcomes[Outcome.LOSS.ordinal()],
        outcomes[Outcome.PUSH.ordinal()],
        outcomes[Outcome.VOID.ordinal()],
        outcomes[Outcome.PASS.ordinal()],
        outcomes[Outcome.NO_LINE.ordinal()],
        fallbacks,
        blocked,
        imputed,
        measured == 0 ? OptionalDouble.empty() : OptionalDouble.of(errors / measured));
  }

  /** Wins plus losses. */
  public long decided() {
    return wins + losses;
  }

  /** Wins over decided picks, empty without any. */
  public OptionalDouble hitRate() {
    return decided() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) wins / decided());
  }

  /** Profit per decided pick at -110 odds, empty without any. */
  public OptionalDouble roi() {
    return decided() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((wins * (100.0 / 110.0) - losses) / decided());
  }

  /** The 95% Wilson interval of the hit rate, as "a% - b%", or "n/a" without picks. */
  public String wilsonInterval() {
    if (decided() == 0) {
      return "n/a";
    }
    Wilson band = Wilson.of(wins, decided());
    return String.format(Locale.ROOT, "%.1f%% - %.1f%%", 100 * band.low(), 100 * band.high());
  }
}
