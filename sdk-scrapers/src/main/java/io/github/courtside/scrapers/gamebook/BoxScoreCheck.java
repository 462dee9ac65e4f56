package io.github.courtside.scrapers.gamebook;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one box-score identity for one team, reported in the result rather than thrown.
 *
 * <pre>{@code
 * gamebook.checks().stream().filter(c -> !c.passed()).forEach(c -> log.warn("{}", c));
 * }</pre>
 *
 * @param rule the identity, e.g. {@code points = 2*FGM + 3PM + FTM}
 * @param side the team checked
 * @param violations what did not add up, one entry per offending player or column; empty when the
 *     identity holds
 */
public record BoxScoreCheck(String rule, TeamSide side, List<String> violations) {
  /** The rule that player points equal 2·FGM + 3PM + FTM. */
  public static final String POINTS = "points = 2*FGM + 3PM + FTM";

  /** The rule that offensive plus defensive rebounds equal total rebounds. */
  public static final String REBOUNDS = "OR + DR = TOT";

  /** The rule that team minutes are 240:00 plus 25:00 per overtime. */
  public static final String MINUTES = "team minutes = 240:00 + 25:00 per overtime";

  /** The rule that team points equal the sum of the players' points (and the printed totals). */
  public static final String TEAM_POINTS = "team points = sum of players";

  /** The rule that every column of the TOTALS row equals the sum of the players' column. */
  public static final String TOTALS = "TOTALS row = column sums";

  /** Copies the violations. */
  public BoxScoreCheck {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(side, "side");
    violations = List.copyOf(violations);
  }

  /** Whether the identity holds. */
  public boolean passed() {
    return violations.isEmpty();
  }
}
