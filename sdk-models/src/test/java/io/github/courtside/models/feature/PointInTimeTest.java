package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.history.InMemoryPlayerGameHistory;
import io.github.courtside.models.history.PlayerGame;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Features that cannot leak or go stale: upstream values never override history, line features are
 * derived after every source is merged, lines and upstream values are used only if known before
 * tip-off, stat rows only if known at the cutoff, seasons from the season calendar.
 */
class PointInTimeTest {
  private static final LocalDate DAY = LocalDate.parse("2024-02-01");
  private static final Instant TIPOFF = Instant.parse("2024-02-02T00:30:00Z");

  private static List<PlayerGame> tenGames(double points) {
    List<PlayerGame> rows = new ArrayList<>();
    for (int d = 2; d <= 20; d += 2) {
      rows.add(
          PlayerGame.builder("p", DAY.minusDays(d))
              .gameId("g" + d)
              .team("LAC")
              .opponent("DEN")
              .points(points)
              .minutes(30)
              .freeThrowMakes(3)
              .build());
    }
    return rows;
  }

  private static FeatureExtractor extractor(List<PlayerGame> rows) {
    return FeatureExtractor.builder(InMemoryPlayerGameHistory.of(rows)).build();
  }

  @Test
  void upstreamValuesNeverOverrideFeaturesComputedFromHistory() {
    FeatureVector vector =
        extractor(tenGames(20))
            .extract(
                FeatureRequest.builder("p", DAY)
                    .opponent("DEN")
                    .upstream("points_avg_last_5", 35, FeatureSource.PHASE4)
                    .upstream("avg_points_vs_opponent", 40, FeatureSource.PHASE4)
                    .upstream("fatigue_score", 93, FeatureSource.PHASE4)
                    .build());
    assertEquals(20.0, vector.valueOrNaN("points_avg_last_5"));
    assertEquals(FeatureSource.CALCULATED, vector.source("points_avg_last_5"));
    assertEquals(20.0, vector.valueOrNaN("avg_points_vs_opponent"));
    assertEquals(
        93.0, vector.valueOrNaN("fatigue_score"), "non-history upstream values still flow");
  }

  @Test
  void anUpstreamHistoryFeatureIsIgnoredEvenWithoutHistory() {
    FeatureVector vector =
        extractor(List.of())
            .extract(
                FeatureRequest.builder("p", DAY)
                    .upstream("points_avg_last_5", 35, FeatureSource.PHASE4)
                    .build());
    assertTrue(vector.isDefaulted("points_avg_last_5"), vector.source("points_avg_last_5").name());
  }

  @Test
  void lineFeaturesAreDerivedAfterUpstreamLinesAreMerged() {
    FeatureVector vector =
        extractor(tenGames(20))
            .extract(
                FeatureRequest.builder("p", DAY)
                    .upstream("vegas_points_line", 24.5, FeatureSource.VEGAS)
                    .upstream("vegas_opening_line", 23.5, FeatureSource.VEGAS)
                    .upstream("has_vegas_line", 0.0, FeatureSource.PHASE4)
                    .build());
    assertEquals(24.5, vector.valueOrNaN("vegas_points_line"));
    assertEquals(1.0, vector.valueOrNaN("has_vegas_line"));
    assertEquals(1.0, vector.valueOrNaN("vegas_line_move"), 1e-12);
    assertEquals(4.5, vector.valueOrNaN("line_vs_season_avg"), 1e-12);
  }

  @Test
  void linesAndUpstreamValuesKnownAfterTipoffAreNotUsed() {
    Instant before = TIPOFF.minusSeconds(3600);
    Instant after = TIPOFF.plusSeconds(600);
    FeatureVector vector =
        extractor(tenGames(20))
            .extract(
                FeatureRequest.builder("p", DAY)
                    .tipoff(TIPOFF)
                    .line(26.5, after)
                    .openingLine(24.5, before)
                    .upstream("fatigue_score", 60, FeatureSource.PHASE4, after)
                    .upstream("team_pace", 101, FeatureSource.PHASE4, before)
                    .upstream("opponent_pace", 99, FeatureSource.PHASE4)
                    .build());
    assertTrue(Double.isNaN(vector.valueOrNaN("vegas_points_line")), "post-tip line");
    assertEquals(0.0, vector.valueOrNaN("has_vegas_line"));
    assertEquals(24.5, vector.valueOrNaN("vegas_opening_line"));
    assertTrue(vector.isDefaulted("fatigue_score"), "post-tip upstream value");
    assertEquals(101.0, vector.valueOrNaN("team_pace"));
    assertTrue(
        vector.isDefaulted("opponent_pace"), "with a tip-off, a value without as-of is unknown");
  }

  @Test
  void withoutATipoffGameDayObservationsAreNotUsed() {
    Instant dayStart = DAY.atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant();
    Instant postTip = TIPOFF.plusSeconds(3600); // on the game day, league time, after the game
    Instant eve = dayStart.minusSeconds(3600);
    FeatureRequest request =
        FeatureRequest.builder("p", DAY)
            .line(26.5, postTip)
            .openingLine(24.5, eve)
            .upstream("fatigue_score", 60, FeatureSource.PHASE4, dayStart)
            .upstream("team_pace", 101, FeatureSource.PHASE4, eve)
            .build();
    assertTrue(request.tipoff().isEmpty());
    assertEquals(dayStart, request.knowledgeCutoff());
    FeatureVector vector = extractor(tenGames(20)).extract(request);
    assertTrue(
        Double.isNaN(vector.valueOrNaN("vegas_points_line")),
        "a post-tip line without a tip-off is not used");
    assertEquals(0.0, vector.valueOrNaN("has_vegas_line"));
    assertTrue(Double.isNaN(vector.valueOrNaN("vegas_line_move")));
    assertEquals(24.5, vector.valueOrNaN("vegas_opening_line"), "known the evening before");
    assertTrue(vector.isDefaulted("fatigue_score"), "observed at the cutoff itself: not before it");
    assertEquals(101.0, vector.valueOrNaN("team_pace"));
  }

  @Test
  void lateStatCorrectionsAreNotUsedAsIfKnownEarlier() {
    List<PlayerGame> rows = new ArrayList<>(tenGames(20));
    PlayerGame last = rows.get(0);
    // The last game was corrected to 60 points after tip-off; and a game known only late.
    rows.add(
        PlayerGame.builder("p", last.gameDate())
            .gameId(last.gameId())
            .team("LAC")
            .opponent("DEN")
            .points(60)
            .minutes(30)
            .freeThrowMakes(3)
            .knownAt(TIPOFF.plusSeconds(60))
            .build());
    rows.add(
        PlayerGame.builder("p", DAY.minusDays(1))
            .gameId("late")
            .team("LAC")
            .opponent("DEN")
            .points(60)
            .minutes(30)
            .knownAt(TIPOFF.plusSeconds(3600))
            .build());
    FeatureRequest request =
        FeatureRequest.builder("p", DAY).opponent("DEN").tipoff(TIPOFF).build();
    FeatureVector vector = extractor(rows).extract(request);
    assertEquals(20.0, vector.valueOrNaN("points_avg_last_5"));
    assertEquals(20.0, vector.valueOrNaN("avg_points_vs_opponent"));
    assertEquals(10.0, vector.valueOrNaN("games_vs_opponent"));

    // A correction known before tip-off is the version used.
    rows.set(rows.size() - 2, rows.get(rows.size() - 2).withKnownAt(TIPOFF.minusSeconds(60)));
    FeatureVector corrected = extractor(rows).extract(request);
    assertEquals(28.0, corrected.valueOrNaN("points_avg_last_5"), 1e-12);
    assertEquals(10.0, corrected.valueOrNaN("games_vs_opponent"));
  }

  @Test
  void bubbleGamesOfOctober2020BelongToThe2019To20Season() {
    List<PlayerGame> rows = new ArrayList<>();
    rows.add(
        PlayerGame.builder("p", LocalDate.parse("2020-09-30"))
            .gameId("f1")
            .points(30)
            .minutes(36)
            .build());
    rows.add(
        PlayerGame.builder("p", LocalDate.parse("2020-10-02"))
            .gameId("f2")
            .points(10)
            .minutes(36)
            .build());
    FeatureVector vector =
        extractor(rows).extract(FeatureRequest.builder("p", LocalDate.parse("2020-10-06")).build());
    assertEquals(20.0, vector.valueOrNaN("points_avg_season"), "both finals games are 2019-20");
  }
}
