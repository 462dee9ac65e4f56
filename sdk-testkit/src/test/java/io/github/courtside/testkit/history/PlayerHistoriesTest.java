package io.github.courtside.testkit.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.feature.FeatureExtractor;
import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.testkit.Generator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlayerHistoriesTest {
  private static final Generator<PointInTimeScenario> SCENARIOS = PlayerHistories.scenarios();

  @Test
  void theSameSeedGivesTheSameScenarioAndSeasons() {
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(SCENARIOS.sample(seed).describe(), SCENARIOS.sample(seed).describe());
      PointInTimeScenario scenario = SCENARIOS.sample(seed);
      assertEquals(
          scenario.poisonedSlate().stream().map(Poison::describe).toList(),
          SCENARIOS.sample(seed).poisonedSlate().stream().map(Poison::describe).toList());
    }
    Generator<List<PlayerGame>> season = PlayerHistories.season("p", LocalDate.parse("2023-10-20"));
    assertEquals(season.samples(5L, 20), season.samples(5L, 20));
    assertNotEquals(SCENARIOS.sample(1L).describe(), SCENARIOS.sample(2L).describe());
  }

  @Test
  void seasonsAreWellFormedAtEverySize() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 2_000; i++) {
      int size = i % (Generator.MAX_SIZE + 1);
      List<PlayerGame> rows =
          PlayerHistories.season("p", LocalDate.parse("2023-10-20")).generate(random, size);
      assertTrue(rows.size() >= 5, "at least five games");
      Map<String, PlayerGame> first = new HashMap<>();
      LocalDate previous = LocalDate.MIN;
      boolean traded = false;
      for (PlayerGame row : rows) {
        assertFalse(row.gameDate().isBefore(previous), "date order");
        previous = row.gameDate();
        assertTrue(row.gameId().startsWith(row.gameDate().toString().replace("-", "")));
        assertTrue(
            row.knownAtOrDefault()
                .isAfter(row.gameDate().atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant()));
        traded |= row.team().equals("DAL");
        if (traded) {
          assertEquals("DAL", row.team(), "one trade, never back");
        }
        if (row.dnp()) {
          assertTrue(Double.isNaN(row.points()) && Double.isNaN(row.minutes()), "DNP is no zero");
        } else {
          assertTrue(row.played(), row::toString);
          assertTrue(row.freeThrowMakes() <= row.freeThrowAttempts(), row::toString);
        }
        PlayerGame original = first.putIfAbsent(row.gameId(), row);
        if (original != null) {
          // a stat correction: same game, known later, different points
          assertTrue(row.knownAtOrDefault().isAfter(original.knownAtOrDefault()));
          assertNotEquals(original.points(), row.points());
        }
      }
      if (size == 0) {
        assertEquals(5, first.size(), "size 0 is the simplest season");
      }
    }
  }

  @Test
  void requestsAreKnownBeforeTheirTipoffOnTheirGameDate() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      PointInTimeScenario scenario = SCENARIOS.generate(random, i % 30);
      Set<String> players = new HashSet<>();
      scenario.history().forEach(row -> players.add(row.playerLookup()));
      for (FeatureRequest request : scenario.slate()) {
        assertTrue(players.contains(request.playerLookup()));
        Instant tipoff = request.tipoff().orElseThrow();
        assertEquals(request.gameDate(), tipoff.atZone(PlayerGame.LEAGUE_ZONE).toLocalDate());
        request.lineAsOf().ifPresent(asOf -> assertTrue(asOf.isBefore(tipoff)));
        request.openingLineAsOf().ifPresent(asOf -> assertTrue(asOf.isBefore(tipoff)));
        request.upstreamAsOf().values().forEach(asOf -> assertTrue(asOf.isBefore(tipoff)));
        assertEquals(request.upstream().keySet(), request.upstreamAsOf().keySet());
      }
      scenario.calendar(); // the first days make a valid calendar
    }
  }

  @Test
  void slatesMixDatesAndPlayersAndStraddleTheSeasonStart() {
    Set<Integer> datesPerSlate = new HashSet<>();
    Set<Integer> playersPerSlate = new HashSet<>();
    boolean straddles = false;
    for (PointInTimeScenario scenario : SCENARIOS.samples(9L, 100)) {
      datesPerSlate.add(
          (int) scenario.slate().stream().map(FeatureRequest::gameDate).distinct().count());
      playersPerSlate.add(
          (int) scenario.slate().stream().map(FeatureRequest::playerLookup).distinct().count());
      LocalDate start = scenario.seasonFirstDays().get(2023);
      straddles |=
          scenario.history().stream().anyMatch(r -> r.gameDate().isBefore(start))
              && scenario.history().stream().anyMatch(r -> !r.gameDate().isBefore(start));
    }
    assertTrue(datesPerSlate.stream().anyMatch(n -> n > 1), "several dates in one slate");
    assertTrue(playersPerSlate.stream().anyMatch(n -> n > 1), "several players in one slate");
    assertTrue(straddles, "some histories cross the season's first day");
  }

  @Test
  void thePoisonedSourceReturnsEveryCleanPastRowAndNothingElseUsable() {
    for (PointInTimeScenario scenario : SCENARIOS.samples(21L, 60)) {
      Set<PlayerGame> clean = new HashSet<>(scenario.history());
      for (FeatureRequest request : scenario.slate()) {
        LocalDate date = request.gameDate();
        List<PlayerGame> read =
            scenario.poisonedHistory().gamesBefore(List.of(request.playerLookup()), date, date);
        assertEquals(
            read, scenario.poisonedHistory().gamesBefore(List.of("x"), date, date), "same read");
        Instant lastTipoff =
            date.atTime(PlayerHistories.LATEST_TIPOFF).atZone(PlayerGame.LEAGUE_ZONE).toInstant();
        int poisoned = 0;
        for (PlayerGame row : read) {
          if (clean.contains(row) && row.gameDate().isBefore(date)) {
            continue;
          }
          poisoned++;
          assertEquals("ZZZ", row.team(), "every poisoned field differs: " + row);
          assertEquals(Poison.POINTS, row.points());
          assertTrue(
              !row.gameDate().isBefore(date)
                  || row.knownAtOrDefault().isAfter(lastTipoff)
                  || row.gameDate().isBefore(date.minusDays(FeatureExtractor.LOOKBACK_DAYS)),
              () -> "usable poison " + row + " for " + date);
        }
        assertTrue(poisoned >= 3, "a today, a late and an old row per player at least");
        for (PlayerGame row : scenario.history()) {
          if (row.gameDate().isBefore(date)) {
            assertTrue(read.contains(row), "clean past row kept: " + row);
          }
        }
      }
    }
  }

  @Test
  void thePoisonedRequestKeepsEveryCleanValueAndAddsOnlyUnusableOnes() {
    for (PointInTimeScenario scenario : SCENARIOS.samples(4L, 100)) {
      for (int i = 0; i < scenario.slate().size(); i++) {
        FeatureRequest clean = scenario.slate().get(i);
        FeatureRequest poisoned = scenario.poisonedSlate().get(i);
        assertEquals(Poison.describe(clean), Poison.describe(Poison.copy(clean).build()));
        Instant tipoff = clean.tipoff().orElseThrow();
        assertTrue(poisoned.line().isPresent() && poisoned.openingLine().isPresent());
        if (clean.line().isEmpty()) {
          assertFalse(poisoned.lineAsOf().orElseThrow().isBefore(tipoff));
        } else {
          assertEquals(clean.line(), poisoned.line());
        }
        poisoned
            .upstream()
            .forEach(
                (name, value) -> {
                  if (clean.upstream().containsKey(name)) {
                    assertEquals(clean.upstream().get(name), value);
                  } else {
                    assertTrue(
                        Poison.COMPUTED_UPSTREAM.containsKey(name)
                            || !poisoned.upstreamAsOf().get(name).isBefore(tipoff),
                        name);
                  }
                });
      }
    }
    FeatureRequest noTipoff = FeatureRequest.builder("p", LocalDate.parse("2024-01-02")).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Poison.request(noTipoff, 1L));
    assertTrue(e.getMessage().contains("tip-off"), e.getMessage());
  }
}
