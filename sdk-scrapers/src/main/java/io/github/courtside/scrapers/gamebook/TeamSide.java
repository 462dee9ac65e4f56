package io.github.courtside.scrapers.gamebook;

/**
 * Which table of the gamebook a player belongs to: the VISITOR (away) or the HOME table.
 *
 * <pre>{@code
 * gamebook.activePlayers(TeamSide.HOME);
 * }</pre>
 */
public enum TeamSide {
  /** The visiting team, printed first under "VISITOR:". */
  AWAY,
  /** The home team, printed second under "HOME:". */
  HOME
}
