package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.UsageRate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples and boundaries of spec-ml §1.4-1.5 and §5. */
class FeatureCalculatorTest {
  private static final LocalDate DAY = LocalDate.parse("2024-01-31");

  private static PlayerGame game(int daysBefore, double points, double ftm) {
    return PlayerGame.builder("p", DAY.minusDays(daysBefore))
        .points(points)
        .minutes(30)
        .freeThrowMakes(ftm)
        .build();
  }

  @Test
  void recentTrendBuckets() {
    assertEquals(2.0, FeatureCalculator.recentTrend(List.of(30.0, 28.0, 20.0, 20.0, 20.0)));
    assertEquals(1.0, FeatureCalculator.recentTrend(List.of(22.0, 22.0, 20.0, 20.0, 20.0)));
    assertEquals(0.0, FeatureCalculator.recentTrend(List.of(21.0, 21.0, 20.0, 20.0, 20.0)));
    assertEquals(-1.0, FeatureCalculator.recentTrend(List.of(18.0, 18.0, 20.0, 20.0, 20.0)));
    assertEquals(-2.0, FeatureCalculator.recentTrend(List.of(15.0, 15.0, 20.0, 20.0, 20.0)));
    assertEquals(0.0, FeatureCalculator.recentTrend(List.of(40.0, 40.0, 0.0, 0.0)));
  }

  @Test
  void minutesChangeBucketsAreInclusive() {
    assertEquals(1.0, FeatureCalculator.minutesChange(33, 30));
    assertEquals(2.0, FeatureCalculator.minutesChange(36, 30));
    assertEquals(-1.0, FeatureCalculator.minutesChange(27, 30));
    assertEquals(-2.0, FeatureCalculator.minutesChange(24, 30));
    assertEquals(0.0, FeatureCalculator.minutesChange(31, 30));
    assertEquals(0.0, FeatureCalculator.minutesChange(31, 0));
  }

  @Test
  void freeThrowShareNeedsFiveGamesAndIsClamped() {
    List<PlayerGame> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(game(i, 20, 5));
    }
    assertEquals(0.25, FeatureCalculator.pctFreeThrow(ten));
    assertEquals(0.15, FeatureCalculator.pctFreeThrow(ten.subList(0, 4)));
    List<PlayerGame> free = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      free.add(game(i, 10, 8));
    }
    assertEquals(0.5, FeatureCalculator.pctFreeThrow(free));
  }

  @Test
  void slopeZScoreAndBreakout() {
    assertEquals(2.0, FeatureCalculator.pointsSlope(List.of(20.0, 18.0, 16.0, 14.0, 12.0)), 1e-12);
    assertEquals(0.0, FeatureCalculator.pointsSlope(List.of(20.0, 18.0, 16.0, 14.0)));
    assertEquals(1.0, FeatureCalculator.zScore(25, 20, 5));
    assertEquals(3.0, FeatureCalculator.zScore(60, 20, 5));
    assertEquals(0.0, FeatureCalculator.zScore(25, 20, 0));
    assertEquals(0.0, FeatureCalculator.zScore(Double.NaN, 20, 5));
    assertEquals(1.0, FeatureCalculator.breakoutFlag(28, 20, 5));
    assertEquals(0.0, FeatureCalculator.breakoutFlag(27.5, 20, 5));
  }

  @Test
  void restAdvantageClampsAndNeedsBothSides() {
    assertEquals(2.0, FeatureCalculator.restAdvantage(3, 1));
    assertEquals(2.0, FeatureCalculator.restAdvantage(5, 0));
    assertEquals(-2.0, FeatureCalculator.restAdvantage(1, 4));
    assertEquals(0.0, FeatureCalculator.restAdvantage(3, Double.NaN));
  }

  @Test
  void injuryRiskIsCaseInsensitive() {
    assertEquals(2.0, FeatureCalculator.injuryRisk("QUESTIONABLE"));
    assertEquals(3.0, FeatureCalculator.injuryRisk("Out"));
    assertEquals(1.0, FeatureCalculator.injuryRisk(" probable "));
    assertEquals(0.0, FeatureCalculator.injuryRisk("day-to-day"));
    assertEquals(0.0, FeatureCalculator.injuryRisk(""));
  }

  @Test
  void rollingStatsWorkedExample() {
    List<Double> points = List.of(10.0, 12.0, 14.0, 16.0, 18.0, 20.0, 22.0);
    assertEquals(20.0, FeatureCalculator.lastMean(points, 3));
    assertEquals(2.0, FeatureCalculator.scoringTrendSlope(points), 1e-12);
    assertEquals(0.9258, FeatureCalculator.deviationFromAverage(points), 1e-4);
    assertEquals(0.0, FeatureCalculator.consecutiveGamesBelowAverage(points));
    assertEquals(
        3.0, FeatureCalculator.consecutiveGamesBelowAverage(List.of(30.0, 30.0, 10.0, 10.0, 10.0)));
    assertEquals(0.0, FeatureCalculator.scoringTrendSlope(List.of(1.0, 5.0, 9.0)));
  }

  @Test
  void dnpRateCountsDnpRowsOverAllRows() {
    List<PlayerGame> rows = new ArrayList<>();
    rows.add(game(1, 20, 2));
    rows.add(PlayerGame.builder("p", DAY.minusDays(3)).dnp(true).build());
    rows.add(game(5, 20, 2));
    rows.add(PlayerGame.builder("p", DAY.minusDays(7)).dnp(true).build());
    assertEquals(0.5, FeatureCalculator.dnpRate(rows));
    assertEquals(0.0, FeatureCalculator.dnpRate(rows.subList(0, 2)));
  }

  @Test
  void structuralChangeFromATradeOrALongGap() {
    List<PlayerGame> oldestFirst = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      oldestFirst.add(
          PlayerGame.builder("p", DAY.minusDays(i * 2L))
              .team(i > 3 ? "BKN" : "DAL")
              .points(20)
              .minutes(30)
              .build());
    }
    // Trade before the third-newest game: newest three are with DAL -> 2 games since change.
    assertEquals(2.0, FeatureCalculator.gamesSinceStructuralChange(oldestFirst));
    assertEquals(5.0, FeatureCalculator.gamesSinceStructuralChange(oldestFirst.subList(0, 5)));
  }

  @Test
  void usageRateFormulaAndGuards() {
    assertEquals(29.18, UsageRate.of(15, 6, 2, 30, 85, 22, 13), 0.005);
    assertEquals(
        UsageRate.of(15, 0, 2, 30, 85, 22, 13), UsageRate.of(15, Double.NaN, 2, 30, 85, 22, 13));
    assertTrue(Double.isNaN(UsageRate.of(15, 6, 2, 0, 85, 22, 13)));
    assertTrue(Double.isNaN(UsageRate.of(15, 6, 2, 30, 0, 0, 0)));
    assertTrue(Double.isNaN(UsageRate.of(150, 6, 2, 1, 85, 22, 13)));
  }

  @Test
  void seasonsStartOnTheirRealFirstDayFromTheCalendar() {
    assertEquals(LocalDate.parse("2023-10-24"), FeatureExtractor.seasonStart(DAY));
    assertEquals(
        LocalDate.parse("2024-10-22"), FeatureExtractor.seasonStart(LocalDate.parse("2024-10-22")));
    // The October 2020 bubble finals belong to 2019-20, and 2020-21 began on December 22.
    assertEquals(
        LocalDate.parse("2019-10-22"), FeatureExtractor.seasonStart(LocalDate.parse("2020-10-09")));
    assertEquals(
        LocalDate.parse("2019-10-22"), FeatureExtractor.seasonStart(LocalDate.parse("2020-12-11")));
    assertEquals(
        LocalDate.parse("2020-12-22"), FeatureExtractor.seasonStart(LocalDate.parse("2021-01-15")));
    assertEquals(
        LocalDate.parse("2030-10-01"), FeatureExtractor.seasonStart(LocalDate.parse("2031-02-01")));
  }
}
