package io.github.courtside.scrapers.gamebook;

import java.util.List;
import java.util.Objects;

/**
 * A team's row of the "SCORE BY PERIODS" table.
 *
 * <pre>{@code
 * scores.periods();      // [25, 22, 24, 27]
 * scores.finalScore();   // 98
 * scores.overtimes();    // 0
 * }</pre>
 *
 * @param side the team
 * @param periods points per period, quarters then overtimes
 * @param finalScore the FINAL column
 */
public record PeriodScores(TeamSide side, List<Integer> periods, int finalScore) {
  /** Copies the periods. */
  public PeriodScores {
    Objects.requireNonNull(side, "side");
    periods = List.copyOf(periods);
  }

  /** Periods played beyond the fourth. */
  public int overtimes() {
    return Math.max(0, periods.size() - 4);
  }
}
