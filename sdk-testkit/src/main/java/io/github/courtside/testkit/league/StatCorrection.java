package io.github.courtside.testkit.league;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.names.PlayerName;
import java.time.Instant;
import java.util.Objects;

/**
 * A late stat correction: days after a game the league credits a stat to another player of the same
 * team (a basket, a three, a rebound or an assist), so two players' lines change while the team's
 * totals, the score and every box-score identity still hold.
 *
 * <pre>{@code
 * for (StatCorrection c : season.corrections()) {
 *   c.corrected().activePlayers();   // the box score as known from c.knownAt() on
 * }
 * }</pre>
 *
 * @param gameId the game, "YYYYMMDD_AAA_HHH"
 * @param side the team whose players' lines changed
 * @param from the player the stat was taken from
 * @param to the player it was credited to
 * @param kind which stat moved
 * @param knownAt when the correction became known (days after the game)
 * @param corrected the whole box score after the correction
 */
public record StatCorrection(
    String gameId,
    TeamSide side,
    PlayerName from,
    PlayerName to,
    Kind kind,
    Instant knownAt,
    Gamebook corrected) {
  /** The stat a correction moves from one player to another. */
  public enum Kind {
    /** A made two-point field goal (2 points). */
    TWO_POINTER,
    /** A made three-pointer (3 points). */
    THREE_POINTER,
    /** A defensive rebound. */
    REBOUND,
    /** An assist. */
    ASSIST
  }

  /** Checks nothing is null. */
  public StatCorrection {
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(knownAt, "knownAt");
    Objects.requireNonNull(corrected, "corrected");
  }
}
