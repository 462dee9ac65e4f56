package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.courtside.models.history.InMemoryPlayerGameHistory;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.PlayerGameHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Future invariance: a slate extracted from a source that returns everything — future and same-day
 * games poisoned in every field the extractor reads, late stat corrections, rows known only after
 * tip-off — together with post-tip lines and upstream values (and upstream values for features
 * computed from history) gives exactly the vectors extracted one by one from the clean past. The
 * slates mix game dates and players, so one date's read cannot feed another's. The mutation check
 * shows the property catches an extractor whose opponent history reads unfiltered rows.
 */
class FeatureExtractorProperties {
  private static final LocalDate START = LocalDate.parse("2023-10-20");
  private static final String[] OPPONENTS = {"DEN", "PHX", "BOS", "MIA"};
  private static final String[] PLAYERS = {"p", "q"};

  /** A random season for one player: games every 1-4 days, some DNPs, a mid-season trade. */
  static List<PlayerGame> season(String player, Random random) {
    List<PlayerGame> rows = new ArrayList<>();
    LocalDate date = START;
    for (int g = 0; g < 80; g++) {
      date = date.plusDays(1 + random.nextInt(4));
      PlayerGame.Builder row =
          PlayerGame.builder(player, date)
              .gameId(player + "g" + g)
              .team(g < 50 ? "LAL" : "DAL")
              .opponent(OPPONENTS[random.nextInt(OPPONENTS.length)])
              .home(random.nextBoolean());
      if (random.nextInt(8) == 0) {
        row.dnp(true);
      } else {
        row.points(random.nextInt(45))
            .minutes(10 + random.nextInt(30))
            .freeThrowMakes(random.nextInt(8))
            .shooting(5 + random.nextInt(20), random.nextInt(10), random.nextInt(5))
            .teamTotals(80 + random.nextInt(15), 15 + random.nextInt(15), 10 + random.nextInt(8));
        if (random.nextBoolean()) {
          row.usageRate(10 + random.nextInt(25));
        }
      }
      rows.add(row.build());
    }
    return rows;
  }

  /** One slate entry: the clean request, the poisoned one, and its clean past. */
  record Case(FeatureRequest clean, FeatureRequest poisoned, List<PlayerGame> past) {}

  static Instant tipoff(LocalDate date) {
    return date.plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC);
  }

  /** A poisoned copy of a row: every field the extractor reads, wildly different. */
  static PlayerGame poison(PlayerGame row, String opponent, String gameId, Instant knownAt) {
    return PlayerGame.builder(row.playerLookup(), row.gameDate())
        .gameId(gameId)
        .team("ZZZ")
        .opponent(opponent)
        .home(!row.home())
        .points(99)
        .minutes(48)
        .freeThrowMakes(30)
        .shooting(40, 30, 0)
        .teamTotals(90, 30, 10)
        .usageRate(99)
        .knownAt(knownAt)
        .build();
  }

  /**
   * Everything a leaky source returns when asked for the history before {@code date}: every row of
   * every season, those on or after the date poisoned in every field (and claiming to be known
   * before tip-off), some past games corrected after tip-off, and a past game loaded only after
   * tip-off.
   */
  static List<PlayerGame> leakyRead(List<List<PlayerGame>> seasons, LocalDate date, long seed) {
    Random random = new Random(seed ^ date.toEpochDay());
    Instant tipoff = tipoff(date);
    List<PlayerGame> rows = new ArrayList<>();
    for (List<PlayerGame> season : seasons) {
      for (PlayerGame row : season) {
        String opponent = OPPONENTS[random.nextInt(OPPONENTS.length)];
        if (row.gameDate().isBefore(date)) {
          rows.add(row);
          if (random.nextInt(6) == 0) {
            rows.add(poison(row, opponent, row.gameId(), tipoff.plusSeconds(60)));
          }
        } else {
          rows.add(poison(row, opponent, row.gameId() + "f", tipoff.minusSeconds(3600)));
        }
      }
      PlayerGame first = season.get(0);
      rows.add(
          poison(
              PlayerGame.builder(first.playerLookup(), date.minusDays(1)).build(),
              OPPONENTS[0],
              first.playerLookup() + "late",
              tipoff.plusSeconds(7200)));
    }
    return rows;
  }

  /** A slate of 2-4 requests with mixed dates and players. */
  static List<Case> slate(Random random, List<List<PlayerGame>> seasons) {
    List<Case> cases = new ArrayList<>();
    int size = 2 + random.nextInt(3);
    for (int c = 0; c < size; c++) {
      int p = random.nextInt(PLAYERS.length);
      String player = PLAYERS[p];
      LocalDate target = START.plusDays(random.nextInt(330));
      Instant tipoff = tipoff(target);
      String opponent = OPPONENTS[random.nextInt(OPPONENTS.length)];
      List<PlayerGame> past = new ArrayList<>();
      for (PlayerGame row : seasons.get(p)) {
        if (row.gameDate().isBefore(target)) {
          past.add(row);
        }
      }
      FeatureRequest.Builder clean =
          FeatureRequest.builder(player, target).opponent(opponent).home(true).tipoff(tipoff);
      FeatureRequest.Builder poisoned =
          FeatureRequest.builder(player, target).opponent(opponent).home(true).tipoff(tipoff);
      Instant before = tipoff.minusSeconds(3600 + random.nextInt(50_000));
      Instant after = tipoff.plusSeconds(1 + random.nextInt(50_000));
      double opening = 10 + random.nextInt(20);
      if (random.nextBoolean()) {
        clean.openingLine(opening, before);
        poisoned.openingLine(opening, before);
      }
      if (random.nextBoolean()) {
        double line = opening + 0.5;
        clean.line(line, before);
        poisoned.line(line, before);
      } else {
        poisoned.line(55.5, after);
      }
      clean.upstream("team_pace", 101, FeatureSource.PHASE4, before);
      poisoned.upstream("team_pace", 101, FeatureSource.PHASE4, before);
      poisoned
          .upstream("fatigue_score", 1, FeatureSource.PHASE4, after)
          .upstream("opponent_pace", 91, FeatureSource.PHASE4, after)
          .upstream("points_avg_last_5", 69, FeatureSource.PHASE4, before)
          .upstream("avg_points_vs_opponent", 69, FeatureSource.PHASE4, before)
          .upstream("usage_rate_last_5", 39, FeatureSource.PHASE4, before)
          .upstream("minutes_avg_last_10", 47, FeatureSource.PHASE4, before)
          .upstream("has_vegas_line", 1, FeatureSource.PHASE4, before)
          .upstream("vegas_line_move", 9, FeatureSource.PHASE4, before);
      cases.add(new Case(clean.build(), poisoned.build(), past));
    }
    return cases;
  }

  /**
   * Whether the extractor made by {@code extractor} is future-invariant on the slate of {@code
   * seed}: the poisoned slate from the leaky source equals the clean requests from clean pasts.
   */
  static boolean futureInvariant(
      long seed, Function<PlayerGameHistory, FeatureExtractor> extractor) {
    Random random = new Random(seed);
    List<List<PlayerGame>> seasons = new ArrayList<>();
    for (String player : PLAYERS) {
      seasons.add(season(player, random));
    }
    List<Case> cases = slate(random, seasons);
    PlayerGameHistory leaky = (players, from, to) -> leakyRead(seasons, to, seed);
    List<FeatureRequest> poisoned = new ArrayList<>();
    cases.forEach(c -> poisoned.add(c.poisoned()));
    List<FeatureVector> fromLeaky = extractor.apply(leaky).extractAll(poisoned);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      FeatureVector fromPast =
          extractor.apply(InMemoryPlayerGameHistory.of(c.past())).extract(c.clean());
      if (!fromLeaky.get(i).equals(fromPast)) {
        return false;
      }
    }
    return true;
  }

  static FeatureExtractor pointInTime(PlayerGameHistory history) {
    return FeatureExtractor.builder(history).build();
  }

  /** The mutant: opponent history read from the rows as the source returned them. */
  static FeatureExtractor unfilteredOpponentHistory(PlayerGameHistory history) {
    return FeatureExtractor.builder(history)
        .opponentRows((pointInTime, asReturned) -> asReturned)
        .build();
  }

  @Test
  void extractorNeverUsesAnythingUnknownAtTipoff() {
    qt().withExamples(300)
        .forAll(longs().all())
        .check(seed -> futureInvariant(seed, FeatureExtractorProperties::pointInTime));
  }

  @Test
  void thePropertyCatchesAnExtractorReadingUnfilteredOpponentHistory() {
    int caught = 0;
    int seeds = 50;
    for (long seed = 0; seed < seeds; seed++) {
      assertTrue(futureInvariant(seed, FeatureExtractorProperties::pointInTime), "seed " + seed);
      if (!futureInvariant(seed, FeatureExtractorProperties::unfilteredOpponentHistory)) {
        caught++;
      }
    }
    // A slate whose players have no played game in the 60 days before every target computes no
    // opponent history at all; every other slate must expose the mutant.
    assertTrue(caught >= seeds * 9 / 10, "the mutant failed the property on only " + caught);
  }
}
