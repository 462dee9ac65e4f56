package io.github.courtside.scrapers.gamebook;

import java.util.Objects;

/**
 * A team table's "TOTALS" row.
 *
 * <pre>{@code
 * gamebook.totals(TeamSide.HOME).map(t -> t.totals().points());
 * }</pre>
 *
 * @param side the table
 * @param totals the printed totals (minutes "240:00" plus 25:00 per overtime)
 */
public record TeamTotals(TeamSide side, StatLine totals) {
  /** Checks nothing is null. */
  public TeamTotals {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(totals, "totals");
  }
}
