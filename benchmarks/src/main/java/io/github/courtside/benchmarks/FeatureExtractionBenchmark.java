package io.github.courtside.benchmarks;

import io.github.courtside.models.feature.FeatureExtractor;
import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.history.InMemoryPlayerGameHistory;
import io.github.courtside.models.history.PlayerGame;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point-in-time feature extraction of the 60-feature vector for a 500-player slate over three
 * seasons of synthetic in-memory history (about 80 rows per player per season, some DNPs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FeatureExtractionBenchmark {
  static final LocalDate FIRST_SEASON = LocalDate.parse("2021-10-19");
  static final LocalDate SLATE_DATE = LocalDate.parse("2024-02-15");

  @Param("500")
  int players;

  @SuppressWarnings("NullAway.Init")
  FeatureExtractor extractor;

  List<FeatureRequest> slate = List.of();

  /** Builds three seasons of history and the slate. */
  @Setup(Level.Trial)
  public void setUp() {
    List<PlayerGame> rows = history(players, 3, 7);
    extractor =
        FeatureExtractor.builder(InMemoryPlayerGameHistory.of(rows))
            .schema(FeatureSchema.V2_60)
            .build();
    List<FeatureRequest> requests = new ArrayList<>(players);
    for (int p = 0; p < players; p++) {
      requests.add(
          FeatureRequest.builder("player" + p, SLATE_DATE)
              .opponent("T" + (p % 30))
              .home(p % 2 == 0)
              .line(10.5 + p % 20)
              .openingLine(10.0 + p % 20)
              .build());
    }
    slate = List.copyOf(requests);
  }

  /** Vectors for the whole slate. */
  @Benchmark
  public List<FeatureVector> extractSlate() {
    return extractor.extractAll(slate);
  }

  /** Synthetic seasons: games every 1-4 days from late October to mid April, 1 in 10 a DNP. */
  static List<PlayerGame> history(int players, int seasons, long seed) {
    Random random = new Random(seed);
    List<PlayerGame> rows = new ArrayList<>();
    for (int p = 0; p < players; p++) {
      double skill = 5 + random.nextDouble() * 25;
      for (int s = 0; s < seasons; s++) {
        LocalDate date = FIRST_SEASON.plusYears(s);
        LocalDate end = date.plusDays(175);
        int game = 0;
        while (date.isBefore(end)) {
          PlayerGame.Builder row =
              PlayerGame.builder("player" + p, date)
                  .gameId(date + "_" + p)
                  .team("T" + (p % 30))
                  .opponent("T" + random.nextInt(30))
                  .home(random.nextBoolean());
          if (random.nextInt(10) == 0) {
            row.dnp(true);
          } else {
            double minutes = 15 + random.nextDouble() * 25;
            row.points(Math.max(0, Math.round(skill + random.nextGaussian() * 6)))
                .minutes(minutes)
                .freeThrowMakes(random.nextInt(8))
                .shooting(5 + random.nextInt(15), random.nextInt(8), random.nextInt(4))
                .teamTotals(85, 22, 13);
          }
          rows.add(row.build());
          date = date.plusDays(1 + random.nextInt(4));
          game++;
        }
      }
    }
    return rows;
  }
}
