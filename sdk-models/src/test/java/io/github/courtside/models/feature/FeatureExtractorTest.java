package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.history.InMemoryPlayerGameHistory;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.PlayerGameHistory;
import io.github.courtside.models.quality.QualityScorer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  private static final LocalDate DAY = LocalDate.parse("2024-02-01");

  private static PlayerGame played(String player, int daysBefore, double points) {
    return PlayerGame.builder(player, DAY.minusDays(daysBefore))
        .gameId("g" + daysBefore)
        .team("LAC")
        .opponent(daysBefore % 4 == 0 ? "DEN" : "PHX")
        .points(points)
        .minutes(34)
        .freeThrowMakes(4)
        .build();
  }

  private static PlayerGame dnp(String player, int daysBefore) {
    return PlayerGame.builder(player, DAY.minusDays(daysBefore))
        .gameId("d" + daysBefore)
        .dnp(true)
        .build();
  }

  @Test
  void I6_dnpRowsAreSkippedInL5AndL10() {
    List<PlayerGame> rows = new ArrayList<>();
    // Newest first: DNP, 30, DNP, 28, 26, DNP, 30, 28, 26, 30, 28, 26, 30 ...
    int[] days = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28};
    for (int i = 0; i < days.length; i++) {
      if (i == 0 || i == 2 || i == 5) {
        rows.add(dnp("kawhi", days[i]));
      } else {
        rows.add(played("kawhi", days[i], 26 + 2 * (i % 3)));
      }
    }
    FeatureVector vector =
        FeatureExtractor.builder(InMemoryPlayerGameHistory.of(rows))
            .build()
            .extract(FeatureRequest.builder("kawhi", DAY).build());
    List<Double> playedPoints = new ArrayList<>();
    for (PlayerGame row : rows) {
      if (row.played()) {
        playedPoints.add(row.points());
      }
    }
    double l5 = playedPoints.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow();
    double l10 = playedPoints.subList(0, 10).stream().mapToDouble(d -> d).average().orElseThrow();
    assertEquals(l5, vector.valueOrNaN("points_avg_last_5"), 1e-12);
    assertEquals(l10, vector.valueOrNaN("points_avg_last_10"), 1e-12);
    assertTrue(vector.valueOrNaN("points_avg_last_5") > 25, "DNPs must not count as zeros");
    assertEquals(0.3, vector.valueOrNaN("dnp_rate"), 1e-9);
  }

  @Test
  void I7_noSameDayGameInAnyRollingWindow() {
    List<PlayerGame> rows = new ArrayList<>();
    for (int d = 1; d <= 20; d++) {
      rows.add(played("luka", d * 2, 30));
    }
    rows.add(PlayerGame.builder("luka", DAY).gameId("today").points(73).minutes(44).build());
    rows.add(
        PlayerGame.builder("luka", DAY.plusDays(2)).gameId("later").points(60).minutes(40).build());
    // A history that ignores the date bound: the extractor must still not see the rows.
    PlayerGameHistory leaky = (players, from, before) -> new ArrayList<>(rows);
    FeatureVector vector =
        FeatureExtractor.builder(leaky)
            .build()
            .extract(FeatureRequest.builder("luka", DAY).build());
    assertEquals(30.0, vector.valueOrNaN("points_avg_last_5"));
    assertEquals(30.0, vector.valueOrNaN("points_avg_last_10"));
    assertEquals(30.0, vector.valueOrNaN("points_avg_season"));
    assertEquals(30.0, vector.valueOrNaN("points_avg_last_3"));
    assertEquals(0.0, vector.valueOrNaN("points_std_last_10"));
    assertEquals(2.0, vector.valueOrNaN("days_rest"));
  }

  @Test
  void I2_hasVegasLineIsOneIffALineIsPresent() {
    PlayerGameHistory history = InMemoryPlayerGameHistory.of(List.of(played("ant", 2, 35)));
    FeatureExtractor extractor = FeatureExtractor.builder(history).build();
    FeatureVector withLine =
        extractor.extract(FeatureRequest.builder("ant", DAY).line(35.5).openingLine(34.5).build());
    FeatureVector without = extractor.extract(FeatureRequest.builder("ant", DAY).build());
    assertEquals(1.0, withLine.valueOrNaN("has_vegas_line"));
    assertEquals(35.5, withLine.valueOrNaN("vegas_points_line"));
    assertEquals(1.0, withLine.valueOrNaN("vegas_line_move"));
    assertEquals(FeatureSource.VEGAS, withLine.source("vegas_points_line"));
    assertEquals(0.5, withLine.valueOrNaN("line_vs_season_avg"));
    assertEquals(0.0, without.valueOrNaN("has_vegas_line"));
    assertEquals(FeatureSource.MISSING, without.source("vegas_points_line"));
    assertTrue(without.value("line_vs_season_avg").isEmpty());
  }

  @Test
  void I17_backToBackMeansOneDayOfRest() {
    FeatureExtractor extractor =
        FeatureExtractor.builder(
                InMemoryPlayerGameHistory.of(List.of(played("a", 1, 20), played("b", 2, 20))))
            .build();
    FeatureVector yesterday = extractor.extract(FeatureRequest.builder("a", DAY).build());
    FeatureVector twoDays = extractor.extract(FeatureRequest.builder("b", DAY).build());
    assertEquals(1.0, yesterday.valueOrNaN("days_rest"));
    assertEquals(1.0, yesterday.valueOrNaN("back_to_back"));
    assertEquals(0.0, twoDays.valueOrNaN("back_to_back"));
  }

  @Test
  void contextUpstreamAndOpponentHistoryAreTagged() {
    List<PlayerGame> rows = new ArrayList<>();
    for (int d = 1; d <= 12; d++) {
      rows.add(played("jokic", d * 2, 20 + d));
    }
    FeatureVector vector =
        FeatureExtractor.builder(InMemoryPlayerGameHistory.of(rows))
            .build()
            .extract(
                FeatureRequest.builder("jokic", DAY)
                    .opponent("DEN")
                    .home(true)
                    .injuryStatus("Questionable")
                    .opponentDaysRest(1)
                    .upstream("fatigue_score", 93, FeatureSource.PHASE4)
                    .upstream("team_pace", 101, FeatureSource.PHASE4)
                    .upstream("opponent_pace", 98, FeatureSource.PHASE4)
                    .build());
    assertEquals(93.0, vector.valueOrNaN("fatigue_score"));
    assertEquals(FeatureSource.PHASE4, vector.source("fatigue_score"));
    assertEquals(1.0, vector.valueOrNaN("home_away"));
    assertEquals(2.0, vector.valueOrNaN("injury_risk"));
    assertEquals(1.0, vector.valueOrNaN("rest_advantage"));
    assertEquals(3.0, vector.valueOrNaN("opponent_pace_mismatch"));
    // Games on days divisible by 4 were against DEN: d = 2, 4, 6, 8, 10, 12 -> points 22,24,...
    assertEquals(FeatureSource.OPPONENT_HISTORY, vector.source("avg_points_vs_opponent"));
    assertEquals(6.0, vector.valueOrNaN("games_vs_opponent"));
    assertEquals(27.0, vector.valueOrNaN("avg_points_vs_opponent"), 1e-12);
    assertEquals(FeatureSource.MINUTES_PPM, vector.source("minutes_avg_last_10"));
    assertEquals(FeatureSource.DEFAULT, vector.source("opponent_def_rating"));
  }

  @Test
  void aPlayerWithoutRecentGamesGetsDefaultsThatBlockPrediction() {
    FeatureVector vector =
        FeatureExtractor.builder(InMemoryPlayerGameHistory.of(List.of(played("rookie", 90, 12))))
            .schema(FeatureSchema.V9_33)
            .build()
            .extract(FeatureRequest.builder("rookie", DAY).build());
    assertEquals(FeatureSource.DEFAULT, vector.source("points_avg_last_5"));
    assertEquals(10.0, vector.valueOrNaN("points_avg_last_5"));
    assertTrue(!new QualityScorer().score(vector).isQualityReady());
  }

  @Test
  void unknownUpstreamNamesAreRefused() {
    FeatureExtractor extractor =
        FeatureExtractor.builder(InMemoryPlayerGameHistory.of(List.of())).build();
    UnknownFeatureException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnknownFeatureException.class,
            () ->
                extractor.extract(
                    FeatureRequest.builder("a", DAY)
                        .upstream("fatigue_scor", 90, FeatureSource.PHASE4)
                        .build()));
    assertEquals("fatigue_scor", e.feature());
  }

  @Test
  void aSlateReadsHistoryOncePerDate() {
    List<PlayerGame> rows = new ArrayList<>();
    for (String player : List.of("a", "b", "c")) {
      for (int d = 1; d <= 5; d++) {
        rows.add(played(player, d * 3, 10 * d));
      }
    }
    InMemoryPlayerGameHistory inner = InMemoryPlayerGameHistory.of(rows);
    List<Collection<String>> calls = new ArrayList<>();
    PlayerGameHistory counting =
        (players, from, before) -> {
          calls.add(List.copyOf(players));
          return inner.gamesBefore(players, from, before);
        };
    FeatureExtractor extractor = FeatureExtractor.builder(counting).build();
    List<FeatureVector> slate =
        extractor.extractAll(
            List.of(
                FeatureRequest.builder("a", DAY).build(),
                FeatureRequest.builder("b", DAY).build(),
                FeatureRequest.builder("c", DAY.minusDays(4)).build()));
    assertEquals(2, calls.size());
    assertEquals(List.of("a", "b"), calls.get(0));
    assertEquals(3, slate.size());
    FeatureVector single =
        FeatureExtractor.builder(inner).build().extract(FeatureRequest.builder("b", DAY).build());
    assertEquals(single, slate.get(1));
  }
}
