package io.github.courtside.scrapers.gamebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks the box-score identities of a parsed gamebook; reports, never throws. */
final class BoxScoreValidator {
  private static final int REGULATION_SECONDS = 240 * 60;
  private static final int OVERTIME_SECONDS = 25 * 60;

  private BoxScoreValidator() {}

  static List<BoxScoreCheck> check(
      List<ActivePlayer> active, List<TeamTotals> totals, List<PeriodScores> periodScores) {
    List<BoxScoreCheck> checks = new ArrayList<>();
    for (TeamSide side : TeamSide.values()) {
      List<ActivePlayer> players = active.stream().filter(p -> p.side() == side).toList();
      Optional<TeamTotals> printed = totals.stream().filter(t -> t.side() == side).findFirst();
      Optional<PeriodScores> scores =
          periodScores.stream().filter(p -> p.side() == side).findFirst();
      if (players.isEmpty() && printed.isEmpty()) {
        continue;
      }
      playerIdentities(checks, side, players);
      int seconds = players.stream().mapToInt(p -> p.stats().seconds()).sum();
      checks.add(new BoxScoreCheck(BoxScoreCheck.MINUTES, side, minutes(seconds, printed, scores)));
      int sum = players.stream().mapToInt(p -> p.stats().points()).sum();
      checks.add(
          new BoxScoreCheck(BoxScoreCheck.TEAM_POINTS, side, teamPoints(sum, printed, scores)));
      printed.ifPresent(
          t -> checks.add(new BoxScoreCheck(BoxScoreCheck.TOTALS, side, columnTotals(t, players))));
    }
    return checks;
  }

  // One method per identity: small compilation units for the JIT, which compiled the single
  // method with every loop four times.

  /** Points from field goals, threes and free throws; offensive plus defensive rebounds. */
  private static void playerIdentities(
      List<BoxScoreCheck> checks, TeamSide side, List<ActivePlayer> players) {
    List<String> points = new ArrayList<>();
    List<String> rebounds = new ArrayList<>();
    for (ActivePlayer p : players) {
      StatLine s = p.stats();
      int expected = 2 * s.fieldGoalsMade() + s.threePointersMade() + s.freeThrowsMade();
      if (expected != s.points()) {
        points.add(p.name() + ": " + s.points() + " printed, " + expected + " computed");
      }
      if (s.offensiveRebounds() + s.defensiveRebounds() != s.totalRebounds()) {
        rebounds.add(
            p.name()
                + ": "
                + s.offensiveRebounds()
                + " + "
                + s.defensiveRebounds()
                + " != "
                + s.totalRebounds());
      }
    }
    checks.add(new BoxScoreCheck(BoxScoreCheck.POINTS, side, points));
    checks.add(new BoxScoreCheck(BoxScoreCheck.REBOUNDS, side, rebounds));
  }

  /** The players' minutes: 240:00 plus 25:00 per overtime, and the TOTALS row's. */
  private static List<String> minutes(
      int seconds, Optional<TeamTotals> printed, Optional<PeriodScores> scores) {
    List<String> minutes = new ArrayList<>();
    if (scores.isPresent()) {
      int expected = REGULATION_SECONDS + OVERTIME_SECONDS * scores.get().overtimes();
      if (seconds != expected) {
        minutes.add(
            "players total " + StatLine.clock(seconds) + ", expected " + StatLine.clock(expected));
      }
    } else if (seconds < REGULATION_SECONDS
        || (seconds - REGULATION_SECONDS) % OVERTIME_SECONDS != 0) {
      minutes.add(
          "players total " + StatLine.clock(seconds) + ", not 240:00 plus 25:00 per overtime");
    }
    printed.ifPresent(
        t -> {
          if (t.totals().seconds() != seconds) {
            minutes.add(
                "TOTALS row says "
                    + t.totals().minutes()
                    + ", players total "
                    + StatLine.clock(seconds));
          }
        });
    return minutes;
  }

  /** The players' points against the TOTALS row, the final score and the periods. */
  private static List<String> teamPoints(
      int sum, Optional<TeamTotals> printed, Optional<PeriodScores> scores) {
    List<String> teamPoints = new ArrayList<>();
    printed.ifPresent(
        t -> {
          if (t.totals().points() != sum) {
            teamPoints.add("TOTALS row says " + t.totals().points() + ", players sum to " + sum);
          }
        });
    scores.ifPresent(
        s -> {
          if (s.finalScore() != sum) {
            teamPoints.add("final score is " + s.finalScore() + ", players sum to " + sum);
          }
          int periods = s.periods().stream().mapToInt(Integer::intValue).sum();
          if (!s.periods().isEmpty() && periods != s.finalScore()) {
            teamPoints.add("periods sum to " + periods + ", final score is " + s.finalScore());
          }
        });
    return teamPoints;
  }

  /** Each stat column of the TOTALS row against the players' sum. */
  private static List<String> columnTotals(TeamTotals printed, List<ActivePlayer> players) {
    int[] expected = printed.totals().columns();
    int[] actual = new int[16];
    for (ActivePlayer p : players) {
      int[] c = p.stats().columns();
      for (int i = 0; i < 16; i++) {
        actual[i] += c[i];
      }
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      if (expected[i] != actual[i]) {
        columns.add(COLUMNS.get(i) + ": TOTALS " + expected[i] + ", players " + actual[i]);
      }
    }
    return columns;
  }

  static final List<String> COLUMNS =
      List.of(
          "FG", "FGA", "3P", "3PA", "FT", "FTA", "OR", "DR", "TOT", "A", "PF", "ST", "TO", "BS",
          "+/-", "PTS");
}
