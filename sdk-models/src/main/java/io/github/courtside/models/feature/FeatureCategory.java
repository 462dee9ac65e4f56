package io.github.courtside.models.feature;

/**
 * The quality grouping of a feature (spec-ml §1.6): category quality percentages and the matchup
 * floor of the readiness gate are computed per category.
 *
 * <pre>{@code
 * FeatureCategory category = FeatureSchema.V9_33.feature("fatigue_score").orElseThrow().category();
 * }</pre>
 */
public enum FeatureCategory {
  /** Opponent and composite matchup factors (fatigue, zone mismatch, pace, usage, defense). */
  MATCHUP,
  /** The player's own scoring and minutes history. */
  PLAYER_HISTORY,
  /** The player's team (pace, offensive rating, win rate). */
  TEAM_CONTEXT,
  /** Sportsbook lines. */
  VEGAS,
  /** This game's context (rest, venue, injuries, shot profile). */
  GAME_CONTEXT
}
