package io.github.courtside.models.grading;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a player actually did in a game, for grading.
 *
 * <pre>{@code
 * ActualResult scored = ActualResult.played("lebronjames", "20240302_LAL_DEN", 31, 36.5);
 * ActualResult sat = ActualResult.didNotPlay("kawhileonard", "20240302_LAC_SAC");
 * }</pre>
 *
 * @param playerLookup the player key
 * @param gameId the game id
 * @param points points scored, empty when unknown
 * @param minutes minutes played, empty when unknown
 * @param dnp whether the player did not play
 */
public record ActualResult(
    String playerLookup,
    String gameId,
    OptionalDouble points,
    OptionalDouble minutes,
    boolean dnp) {

  public ActualResult {
    Objects.requireNonNull(playerLookup, "playerLookup");
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(minutes, "minutes");
  }

  /** A player who played. */
  public static ActualResult played(String player, String gameId, double points, double minutes) {
    return new ActualResult(
        player, gameId, OptionalDouble.of(points), OptionalDouble.of(minutes), false);
  }

  /** A player who did not play. */
  public static ActualResult didNotPlay(String player, String gameId) {
    return new ActualResult(player, gameId, OptionalDouble.empty(), OptionalDouble.empty(), true);
  }

  /**
   * Whether bets on this game are void (spec-ml §4.1): DNP, or no points, or 0 points with no
   * minutes.
   */
  public boolean isVoid() {
    if (dnp || points.isEmpty()) {
      return true;
    }
    boolean noMinutes = minutes.isEmpty() || minutes.getAsDouble() == 0;
    return points.getAsDouble() == 0 && noMinutes;
  }
}
