package io.github.courtside.scrapers.gamebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One box-score line: minutes as printed and the 16 counting columns FG FGA 3P 3PA FT FTA OR DR TOT
 * A PF ST TO BS +/- PTS.
 *
 * <p>Percentages are computed on the exact quotient rounded HALF_EVEN to 3 decimals, as Python's
 * {@code round} did on the old platform (spec §A.11): 9/16 gives 0.562, not 0.563.
 *
 * <pre>{@code
 * StatLine line = new StatLine("35:42", 7, 21, 2, 10, 6, 6, 0, 2, 2, 2, 2, 2, 1, 1, -13, 22);
 * line.fieldGoalPercentage();   // 0.333
 * line.seconds();               // 2142
 * }</pre>
 *
 * @param minutes minutes played as printed, "MM:SS" (zero-padded under 10 in NBA.com documents)
 * @param fieldGoalsMade FG
 * @param fieldGoalsAttempted FGA
 * @param threePointersMade 3P
 * @param threePointersAttempted 3PA
 * @param freeThrowsMade FT
 * @param freeThrowsAttempted FTA
 * @param offensiveRebounds OR
 * @param defensiveRebounds DR
 * @param totalRebounds TOT
 * @param assists A
 * @param personalFouls PF
 * @param steals ST
 * @param turnovers TO
 * @param blocks BS
 * @param plusMinus +/- (signed)
 * @param points PTS
 */
public record StatLine(
    String minutes,
    int fieldGoalsMade,
    int fieldGoalsAttempted,
    int threePointersMade,
    int threePointersAttempted,
    int freeThrowsMade,
    int freeThrowsAttempted,
    int offensiveRebounds,
    int defensiveRebounds,
    int totalRebounds,
    int assists,
    int personalFouls,
    int steals,
    int turnovers,
    int blocks,
    int plusMinus,
    int points) {
  private static final Pattern CLOCK = Pattern.compile("\\d{1,3}:[0-5]\\d");

  /** Checks the minutes look like a clock. */
  public StatLine {
    Objects.requireNonNull(minutes, "minutes");
    if (!CLOCK.matcher(minutes).matches()) {
      throw new IllegalArgumentException("minutes must look like MM:SS, got '" + minutes + "'");
    }
  }

  /** Seconds played. */
  public int seconds() {
    int colon = minutes.indexOf(':');
    return Integer.parseInt(minutes.substring(0, colon)) * 60
        + Integer.parseInt(minutes.substring(colon + 1));
  }

  /** FG / FGA rounded HALF_EVEN to 3 decimals, 0 when nothing was attempted. */
  public BigDecimal fieldGoalPercentage() {
    return percentage(fieldGoalsMade, fieldGoalsAttempted);
  }

  /** 3P / 3PA rounded HALF_EVEN to 3 decimals, 0 when nothing was attempted. */
  public BigDecimal threePointPercentage() {
    return percentage(threePointersMade, threePointersAttempted);
  }

  /** FT / FTA rounded HALF_EVEN to 3 decimals, 0 when nothing was attempted. */
  public BigDecimal freeThrowPercentage() {
    return percentage(freeThrowsMade, freeThrowsAttempted);
  }

  /** The 16 counting columns in printed order. */
  public int[] columns() {
    return new int[] {
      fieldGoalsMade,
      fieldGoalsAttempted,
      threePointersMade,
      threePointersAttempted,
      freeThrowsMade,
      freeThrowsAttempted,
      offensiveRebounds,
      defensiveRebounds,
      totalRebounds,
      assists,
      personalFouls,
      steals,
      turnovers,
      blocks,
      plusMinus,
      points
    };
  }

  /** A line from minutes and the 16 columns in printed order. */
  public static StatLine of(String minutes, int[] c) {
    if (c.length != 16) {
      throw new IllegalArgumentException("a stat line has 16 columns, got " + c.length);
    }
    return new StatLine(
        minutes, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12],
        c[13], c[14], c[15]);
  }

  /** Formats seconds as "M:SS" with at least two minute digits ("01:50", "240:00"). */
  public static String clock(int seconds) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
  }

  private static BigDecimal percentage(int made, int attempted) {
    if (attempted == 0) {
      return BigDecimal.ZERO.setScale(3);
    }
    return BigDecimal.valueOf(made)
        .divide(BigDecimal.valueOf(attempted), 3, RoundingMode.HALF_EVEN);
  }
}
