package io.github.courtside.models.history;

/**
 * Per-game usage rate (spec-ml §5): {@code 100 * (FGA + 0.44*FTA + TOV) * 48 / (minutes * (teamFGA
 * + 0.44*teamFTA + teamTOV))}, the Basketball-Reference formula with team minutes fixed at 240 (no
 * overtime correction — reproduced, since the stored per-game values used it).
 *
 * <pre>{@code
 * double usage = UsageRate.of(15, 6, 2, 30, 85, 22, 13); // 29.18...
 * }</pre>
 */
public final class UsageRate {
  private UsageRate() {}

  /**
   * The usage rate in percent, or NaN when it cannot be computed: player FGA, TOV or minutes
   * unknown, minutes not above zero, team counts unknown, team possessions not above zero, or a
   * result above 100 (impossible). A missing FTA counts as 0.
   */
  public static double of(
      double fga,
      double fta,
      double tov,
      double minutes,
      double teamFga,
      double teamFta,
      double teamTov) {
    if (Double.isNaN(fga) || Double.isNaN(tov) || !(minutes > 0)) {
      return Double.NaN;
    }
    if (Double.isNaN(teamFga) || Double.isNaN(teamFta) || Double.isNaN(teamTov)) {
      return Double.NaN;
    }
    double playerFta = Double.isNaN(fta) ? 0.0 : fta;
    double teamPossessions = teamFga + 0.44 * teamFta + teamTov;
    if (!(teamPossessions > 0)) {
      return Double.NaN;
    }
    double usage = 100.0 * (fga + 0.44 * playerFta + tov) * 48.0 / (minutes * teamPossessions);
    return usage > 100.0 ? Double.NaN : usage;
  }
}
