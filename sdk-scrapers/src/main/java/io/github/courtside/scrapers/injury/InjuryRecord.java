package io.github.courtside.scrapers.injury;

import io.github.courtside.scrapers.names.PlayerName;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One player row of the injury report.
 *
 * <pre>{@code
 * record.player();                  // "Duke Jr., David"
 * record.playerName().printed();    // "David Duke Jr."
 * record.playerName().lookupKey();  // "daviddukejr"
 * }</pre>
 *
 * @param gameDate the game's date (carried over from the group's first row)
 * @param gameTime the tip-off time as printed, e.g. "07:30 (ET)"
 * @param matchup "AAA@HHH"
 * @param team the player's team tricode
 * @param player the name as printed, "Last[ Suffix], First"
 * @param status the current status
 * @param reason the reason, wrapped lines joined
 * @param confidence 1.0 for a complete "Injury/Illness - part; diagnosis" reason, 0.9 for another
 *     known category, lower for unrecognised or missing reasons
 */
public record InjuryRecord(
    LocalDate gameDate,
    String gameTime,
    String matchup,
    String team,
    String player,
    InjuryStatus status,
    String reason,
    double confidence) {
  /** Checks nothing is null. */
  public InjuryRecord {
    Objects.requireNonNull(gameDate, "gameDate");
    Objects.requireNonNull(gameTime, "gameTime");
    Objects.requireNonNull(matchup, "matchup");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(player, "player");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  /** The player's name as "First Last[ Suffix]" with its lookup keys. */
  public PlayerName playerName() {
    return PlayerName.fromLastFirst(player);
  }
}
