package io.github.courtside.scrapers.gamebook;

import io.github.courtside.scrapers.names.PlayerName;
import java.util.Objects;

/**
 * A player on a team's "Inactive:" list. The gamebook prints last names only, sometimes with a
 * suffix ("Jackson Jr."); resolving them to full names is left to the caller (spec §A.15).
 *
 * <pre>{@code
 * new InactivePlayer(TeamSide.AWAY, PlayerName.of("Bane"), "Injury/Illness - Lumbar; Disc Bulge");
 * }</pre>
 *
 * @param side the team whose list named the player (a list never runs into the other team's)
 * @param name the name as printed
 * @param reason the reason in parentheses, "Not specified" when none was printed
 */
public record InactivePlayer(TeamSide side, PlayerName name, String reason) {
  /** Checks nothing is null. */
  public InactivePlayer {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }
}
