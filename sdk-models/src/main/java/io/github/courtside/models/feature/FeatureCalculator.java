package io.github.courtside.models.feature;

import io.github.courtside.models.history.PlayerGame;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The calculated features of spec-ml §1.4-1.5, as pure functions of point-in-time inputs.
 *
 * <p>Game lists are <em>newest first</em> unless a method says otherwise, and are assumed to hold
 * only games strictly before the target date (the {@link FeatureExtractor} guarantees it). Ratios
 * are rounded to 9 decimal places like the reference (BigQuery NUMERIC).
 *
 * <p>Decisions on the spec's QUIRKs:
 *
 * <ul>
 *   <li><b>Fixed</b> — DNP rows counted as 0 points in recent_trend and pts_slope_10g (§1.9 #2):
 *       every points window here uses played games only. A DNP is not a 0-point game.
 *   <li><b>Fixed</b> — NaN not caught by the z-score's is-None checks: NaN inputs are missing.
 *   <li><b>Fixed</b> — opponent days rest hard-coded to 0 upstream (§1.9 #4): {@link
 *       #restAdvantage} takes the real opponent rest and returns 0 when either side is unknown.
 *   <li><b>Reproduced</b> — bucket boundaries, clamps, minimum game counts and fallback values,
 *       because trained models depend on them.
 * </ul>
 *
 * <pre>{@code
 * double trend = FeatureCalculator.recentTrend(List.of(30.0, 28.0, 20.0, 20.0, 20.0)); // 2.0
 * double slope = FeatureCalculator.pointsSlope(List.of(20.0, 18.0, 16.0, 14.0, 12.0)); // 2.0
 * }</pre>
 */
public final class FeatureCalculator {
  private FeatureCalculator() {}

  /**
   * rest_advantage: {@code clamp(daysRest - opponentDaysRest, -2, 2)}; 0 when either is unknown
   * (NaN).
   */
  public static double restAdvantage(double daysRest, double opponentDaysRest) {
    if (Double.isNaN(daysRest) || Double.isNaN(opponentDaysRest)) {
      return 0.0;
    }
    long diff = (long) daysRest - (long) opponentDaysRest;
    return Math.max(-2, Math.min(2, diff));
  }

  /**
   * injury_risk from a status, case-insensitive: available 0, probable 1, questionable 2, doubtful
   * 3, out 3; empty or unknown 0.
   */
  public static double injuryRisk(String status) {
    return switch (status.strip().toLowerCase(Locale.ROOT)) {
      case "probable" -> 1.0;
      case "questionable" -> 2.0;
      case "doubtful", "out" -> 3.0;
      default -> 0.0;
    };
  }

  /**
   * recent_trend from played-game points, newest first: needs 5 games (else 0); {@code diff =
   * mean(g0, g1) - mean(g2, g3, g4)}; ≥5 → 2, ≥2 → 1, ≤-5 → -2, ≤-2 → -1, else 0.
   */
  public static double recentTrend(List<Double> pointsNewestFirst) {
    if (pointsNewestFirst.size() < 5) {
      return 0.0;
    }
    double recent = (pointsNewestFirst.get(0) + pointsNewestFirst.get(1)) / 2.0;
    double older =
        (pointsNewestFirst.get(2) + pointsNewestFirst.get(3) + pointsNewestFirst.get(4)) / 3.0;
    double diff = recent - older;
    if (diff >= 5) {
      return 2.0;
    }
    if (diff >= 2) {
      return 1.0;
    }
    if (diff <= -5) {
      return -2.0;
    }
    if (diff <= -2) {
      return -1.0;
    }
    return 0.0;
  }

  /**
   * minutes_change: {@code pct = (recent - season) / season}; ≥0.20 → 2, ≥0.10 → 1, ≤-0.20 → -2,
   * ≤-0.10 → -1, else 0; 0 when either is unknown or zero.
   */
  public static double minutesChange(double recentMinutes, double seasonMinutes) {
    if (!(recentMinutes > 0) || !(seasonMinutes > 0)) {
      return 0.0;
    }
    double pct = (recentMinutes - seasonMinutes) / seasonMinutes;
    if (pct >= 0.20) {
      return 2.0;
    }
    if (pct >= 0.10) {
      return 1.0;
    }
    if (pct <= -0.20) {
      return -2.0;
    }
    if (pct <= -0.10) {
      return -1.0;
    }
    return 0.0;
  }

  /**
   * pct_free_throw over played games: needs 5 games (else 0.15); {@code Σft_makes / Σpoints}, 0.15
   * when Σpoints is 0, clamped to [0, 0.5].
   */
  public static double pctFreeThrow(List<PlayerGame> playedNewestFirst) {
    if (playedNewestFirst.size() < 5) {
      return 0.15;
    }
    double makes = 0;
    double points = 0;
    for (PlayerGame game : playedNewestFirst) {
      makes += zeroIfNaN(game.freeThrowMakes());
      points += zeroIfNaN(game.points());
    }
    if (points == 0) {
      return 0.15;
    }
    return round9(Math.max(0.0, Math.min(0.5, makes / points)));
  }

  /** team_win_pct: needs 5 games (else 0.5); wins / games. */
  public static double teamWinPct(List<Boolean> teamWins) {
    if (teamWins.size() < 5) {
      return 0.5;
    }
    long wins = teamWins.stream().filter(Boolean::booleanValue).count();
    return round9((double) wins / teamWins.size());
  }

  /** dnp_rate over the recent rows including DNPs: needs 3 rows (else 0); DNP rows / rows. */
  public static double dnpRate(List<PlayerGame> recentRows) {
    if (recentRows.size() < 3) {
      return 0.0;
    }
    long dnps = recentRows.stream().filter(PlayerGame::dnp).count();
    return round9((double) dnps / recentRows.size());
  }

  /**
   * pts_slope_10g: OLS slope of points against game index, oldest to newest, over played games
   * given newest first; needs 5 games (else 0).
   */
  public static double pointsSlope(List<Double> pointsNewestFirst) {
    if (pointsNewestFirst.size() < 5) {
      return 0.0;
    }
    List<Double> chronological = new ArrayList<>(pointsNewestFirst);
    java.util.Collections.reverse(chronological);
    return Stats.slope(chronological, 0);
  }

  /**
   * pts_vs_season_zscore: {@code clamp((l5 - season) / std, -3, 3)}; 0 when any input is unknown
   * (NaN) or std is 0.
   */
  public static double zScore(double l5, double season, double std) {
    if (Double.isNaN(l5) || Double.isNaN(season) || Double.isNaN(std) || std == 0) {
      return 0.0;
    }
    return round9(Math.max(-3, Math.min(3, (l5 - season) / std)));
  }

  /** breakout_flag: 1 iff {@code l5 > season + 1.5 * std} (strict); 0 when any input is unknown. */
  public static double breakoutFlag(double l5, double season, double std) {
    if (Double.isNaN(l5) || Double.isNaN(season) || Double.isNaN(std)) {
      return 0.0;
    }
    return l5 > season + 1.5 * std ? 1.0 : 0.0;
  }

  /**
   * scoring_trend_slope over oldest-to-newest played points: OLS with x = 1..n over the last ≤7
   * games; needs 4 (else 0).
   */
  public static double scoringTrendSlope(List<Double> pointsOldestFirst) {
    int n = pointsOldestFirst.size();
    if (n < 4) {
      return 0.0;
    }
    return Stats.slope(pointsOldestFirst.subList(Math.max(0, n - 7), n), 1);
  }

  /**
   * deviation_from_avg_last3: {@code (L3 - mean) / std} over oldest-to-newest played points (std is
   * the sample deviation, 5.0 with fewer than 2 games; 0 when std is 0).
   */
  public static double deviationFromAverage(List<Double> pointsOldestFirst) {
    if (pointsOldestFirst.isEmpty()) {
      return Double.NaN;
    }
    double mean = Stats.mean(pointsOldestFirst);
    double std = pointsOldestFirst.size() < 2 ? 5.0 : Stats.sampleStd(pointsOldestFirst);
    if (std == 0) {
      return 0.0;
    }
    return (lastMean(pointsOldestFirst, 3) - mean) / std;
  }

  /** consecutive_games_below_avg: games from the newest backwards with points below the mean. */
  public static double consecutiveGamesBelowAverage(List<Double> pointsOldestFirst) {
    if (pointsOldestFirst.isEmpty()) {
      return Double.NaN;
    }
    double mean = Stats.mean(pointsOldestFirst);
    int count = 0;
    for (int i = pointsOldestFirst.size() - 1; i >= 0 && pointsOldestFirst.get(i) < mean; i--) {
      count++;
    }
    return count;
  }

  /** The mean of the last ≤{@code n} values of an oldest-first list; NaN when empty. */
  public static double lastMean(List<Double> oldestFirst, int n) {
    if (oldestFirst.isEmpty()) {
      return Double.NaN;
    }
    return Stats.mean(oldestFirst.subList(Math.max(0, oldestFirst.size() - n), oldestFirst.size()));
  }

  /**
   * usage_rate_last_5: mean of the last ≤5 known usage rates of oldest-first played games if at
   * least 3 are known, else 20.0.
   */
  public static double usageRateLast5(List<PlayerGame> playedOldestFirst) {
    List<Double> usage = new ArrayList<>();
    for (PlayerGame game : playedOldestFirst) {
      double value = game.usageRateOrComputed();
      if (!Double.isNaN(value)) {
        usage.add(value);
      }
    }
    if (usage.size() < 3) {
      return 20.0;
    }
    return lastMean(usage, 5);
  }

  /**
   * games_since_structural_change over oldest-first played games: scanning consecutive pairs from
   * the newest backwards, the first team change or gap of more than 14 days at later-game index i
   * gives {@code n - 1 - i}; otherwise {@code min(n, 30)}.
   */
  public static double gamesSinceStructuralChange(List<PlayerGame> playedOldestFirst) {
    int n = playedOldestFirst.size();
    for (int i = n - 1; i >= 1; i--) {
      PlayerGame later = playedOldestFirst.get(i);
      PlayerGame earlier = playedOldestFirst.get(i - 1);
      boolean teamChange =
          !later.team().isEmpty()
              && !earlier.team().isEmpty()
              && !later.team().equals(earlier.team());
      long gap = ChronoUnit.DAYS.between(earlier.gameDate(), later.gameDate());
      if (teamChange || gap > 14) {
        return n - 1 - i;
      }
    }
    return Math.min(n, 30);
  }

  /** minutes_volatility_last_10: sample std of minutes over ≤10 played games; needs 3. */
  public static OptionalDouble minutesVolatility(List<PlayerGame> playedNewestFirst) {
    List<Double> minutes = new ArrayList<>();
    for (PlayerGame game : playedNewestFirst.subList(0, Math.min(10, playedNewestFirst.size()))) {
      minutes.add(game.minutes());
    }
    if (minutes.size() < 3) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(round(Stats.sampleStd(minutes), 2));
  }

  /** Days between the last played game and the target date; empty when there is none. */
  public static OptionalDouble daysRest(List<PlayerGame> playedNewestFirst, LocalDate gameDate) {
    if (playedNewestFirst.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        ChronoUnit.DAYS.between(playedNewestFirst.get(0).gameDate(), gameDate));
  }

  /** Rounds to 9 decimal places, half up (BigQuery NUMERIC). */
  public static double round9(double value) {
    return round(value, 9);
  }

  static double round(double value, int places) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  private static double zeroIfNaN(double value) {
    return Double.isNaN(value) ? 0.0 : value;
  }
}
