package io.github.courtside.testkit.league;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.TeamSide;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One game of a {@link Season}: the matchup, each team's days of rest before it and the box score
 * as first published.
 *
 * <pre>{@code
 * SeasonGame game = season.games().get(0);
 * game.backToBack(TeamSide.HOME);   // the home team played the day before
 * }</pre>
 *
 * @param matchup date, visitor and home team
 * @param awayRestDays days without a game before this one for the visitor (3 before its first)
 * @param homeRestDays the same for the home team
 * @param gamebook the box score as first published
 */
public record SeasonGame(
    SyntheticLeague.Matchup matchup, int awayRestDays, int homeRestDays, Gamebook gamebook) {
  /** Checks nothing is null. */
  public SeasonGame {
    Objects.requireNonNull(matchup, "matchup");
    Objects.requireNonNull(gamebook, "gamebook");
  }

  /** "YYYYMMDD_AAA_HHH". */
  public String gameId() {
    return matchup.gameId();
  }

  /** The game date. */
  public LocalDate date() {
    return matchup.date();
  }

  /** Days of rest of one team before the game. */
  public int restDays(TeamSide side) {
    return side == TeamSide.AWAY ? awayRestDays : homeRestDays;
  }

  /** Whether one team played the day before. */
  public boolean backToBack(TeamSide side) {
    return restDays(side) == 0;
  }
}
