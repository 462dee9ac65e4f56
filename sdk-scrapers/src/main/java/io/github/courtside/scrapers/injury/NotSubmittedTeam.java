package io.github.courtside.scrapers.injury;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A team marked "NOT YET SUBMITTED": it has not reported yet, which is not the same as reporting no
 * injuries. The old parser dropped these rows (spec §C.4), so "no injuries" and "not submitted"
 * could not be told apart.
 *
 * <pre>{@code
 * report.notYetSubmitted().forEach(t -> log.info("{} has not reported for {}", t.team(), t.matchup()));
 * }</pre>
 *
 * @param gameDate the game's date
 * @param gameTime the tip-off time as printed
 * @param matchup "AAA@HHH"
 * @param team the team's tricode
 */
public record NotSubmittedTeam(LocalDate gameDate, String gameTime, String matchup, String team) {
  /** Checks nothing is null. */
  public NotSubmittedTeam {
    Objects.requireNonNull(gameDate, "gameDate");
    Objects.requireNonNull(gameTime, "gameTime");
    Objects.requireNonNull(matchup, "matchup");
    Objects.requireNonNull(team, "team");
  }
}
