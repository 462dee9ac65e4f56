package io.github.courtside.scrapers.gamebook;

import io.github.courtside.scrapers.names.PlayerName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A player who appeared in the game, with his stat line.
 *
 * <pre>{@code
 * for (ActivePlayer p : gamebook.activePlayers()) {
 *   System.out.println(p.name() + " " + p.stats().points() + (p.starter() ? " (starter)" : ""));
 * }
 * }</pre>
 *
 * @param side the table the row was printed in
 * @param jersey the jersey number as printed ("0" and "00" differ; empty when none was printed)
 * @param name the name as printed
 * @param position the starter's position letter (F, G, C); bench players have none
 * @param stats the stat line
 * @param unreadableColumns header labels ("FG", "+/-", ...) of cells that were empty or unreadable:
 *     their value in {@code stats} is 0 only as a placeholder, and JSON prints them as null
 */
public record ActivePlayer(
    TeamSide side,
    String jersey,
    PlayerName name,
    Optional<String> position,
    StatLine stats,
    List<String> unreadableColumns) {
  /** Checks nothing is null. */
  public ActivePlayer {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(jersey, "jersey");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(stats, "stats");
    unreadableColumns = List.copyOf(unreadableColumns);
  }

  /** A player whose every cell was read. */
  public ActivePlayer(
      TeamSide side, String jersey, PlayerName name, Optional<String> position, StatLine stats) {
    this(side, jersey, name, position, stats, List.of());
  }

  /** Starters are printed with a position. */
  public boolean starter() {
    return position.isPresent();
  }
}
