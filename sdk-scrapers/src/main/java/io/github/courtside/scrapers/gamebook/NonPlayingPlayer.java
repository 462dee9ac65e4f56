package io.github.courtside.scrapers.gamebook;

import io.github.courtside.scrapers.names.PlayerName;
import java.util.Objects;

/**
 * A row of a team table without a stat line: "24 Marcus Morris Sr. DNP - Coach's Decision".
 *
 * <pre>{@code
 * player.dnpReason();   // "DNP - Coach's Decision"
 * }</pre>
 *
 * @param side the table the row was printed in
 * @param jersey the jersey number as printed (empty when none was printed)
 * @param name the name as printed
 * @param category DNP, DND or NWT
 * @param reason the reason after the marker, e.g. "Coach's Decision" (a reason wrapped onto the
 *     next line is joined, which the old parser did not do)
 */
public record NonPlayingPlayer(
    TeamSide side, String jersey, PlayerName name, NonPlayingCategory category, String reason) {
  /** Checks nothing is null. */
  public NonPlayingPlayer {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(jersey, "jersey");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reason, "reason");
  }

  /** "&lt;MARK&gt; - &lt;reason&gt;", the old platform's {@code dnp_reason}. */
  public String dnpReason() {
    return reason.isEmpty() ? category.name() : category.name() + " - " + reason;
  }
}
