package io.github.courtside.models.feature;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.courtside.models.history.InMemoryPlayerGameHistory;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.PlayerGameHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureExtractorProperties {
  private static final LocalDate START = LocalDate.parse("2023-10-20");

  /** A random season for one player: games every 1-4 days, some DNPs, random lines. */
  static List<PlayerGame> season(long seed) {
    Random random = new Random(seed);
    List<PlayerGame> rows = new ArrayList<>();
    LocalDate date = START;
    String[] opponents = {"DEN", "PHX", "BOS", "MIA"};
    for (int g = 0; g < 80; g++) {
      date = date.plusDays(1 + random.nextInt(4));
      PlayerGame.Builder row =
          PlayerGame.builder("p", date)
              .gameId("g" + g)
              .team(g < 50 ? "LAL" : "DAL")
              .opponent(opponents[random.nextInt(opponents.length)])
              .home(random.nextBoolean());
      if (random.nextInt(8) == 0) {
        row.dnp(true);
      } else {
        row.points(random.nextInt(45))
            .minutes(10 + random.nextInt(30))
            .freeThrowMakes(random.nextInt(8))
            .shooting(5 + random.nextInt(20), random.nextInt(10), random.nextInt(5))
            .teamTotals(80 + random.nextInt(15), 15 + random.nextInt(15), 10 + random.nextInt(8));
      }
      rows.add(row.build());
    }
    return rows;
  }

  @Test
  void extractorNeverUsesAGameOnOrAfterTheTargetDate() {
    qt().forAll(longs().all(), integers().between(0, 330))
        .check(
            (seed, offset) -> {
              List<PlayerGame> rows = season(seed);
              LocalDate target = START.plusDays(offset);
              List<PlayerGame> before = new ArrayList<>();
              for (PlayerGame row : rows) {
                if (row.gameDate().isBefore(target)) {
                  before.add(row);
                }
              }
              // A source that leaks everything, and a future that is wildly different.
              List<PlayerGame> poisoned = new ArrayList<>(before);
              for (PlayerGame row : rows) {
                if (!row.gameDate().isBefore(target)) {
                  poisoned.add(
                      PlayerGame.builder("p", row.gameDate()).points(99).minutes(48).build());
                }
              }
              PlayerGameHistory leaky = (players, from, to) -> poisoned;
              FeatureRequest request =
                  FeatureRequest.builder("p", target).opponent("DEN").home(true).build();
              FeatureVector fromLeaky = FeatureExtractor.builder(leaky).build().extract(request);
              FeatureVector fromPast =
                  FeatureExtractor.builder(InMemoryPlayerGameHistory.of(before))
                      .build()
                      .extract(request);
              return fromLeaky.equals(fromPast);
            });
  }
}
