package io.github.courtside.testkit.history;

import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.internal.Draws;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generators of player histories ({@link PlayerGame} rows) and slates of {@link FeatureRequest}s
 * for point-in-time properties.
 *
 * <p>A season has a game every one to four days, some DNPs (NaN stats, never zeros), a mid-season
 * trade, rows with and without a stored usage rate, rows known the morning after the game or later,
 * and stat corrections (a newer version of a game, known two days after it). Requests have a
 * tip-off on their game date between {@link #EARLIEST_TIPOFF} and {@link #LATEST_TIPOFF} league
 * time ({@link PlayerGame#LEAGUE_ZONE}), and lines and upstream values observed before it. Slates
 * mix players and game dates, including dates before a player's first game and across a season's
 * first day.
 *
 * <p>Size scales the number of players, games, opponents and requests: size {@code 0} is one player
 * with a handful of games and a one-request slate.
 *
 * <pre>{@code
 * List<PlayerGame> rows = PlayerHistories.season("lebronjames", LocalDate.parse("2023-10-24"))
 *     .sample(3L);
 * PointInTimeScenario scenario = PlayerHistories.scenarios().sample(3L);
 * }</pre>
 */
public final class PlayerHistories {
  /** The earliest tip-off of a generated game, league time. */
  public static final LocalTime EARLIEST_TIPOFF = LocalTime.of(12, 0);

  /** The latest tip-off of a generated game, league time. */
  public static final LocalTime LATEST_TIPOFF = LocalTime.of(22, 30);

  /** Teams players are drawn on, and opponents drawn from. */
  static final List<String> TEAMS =
      List.of("LAL", "DAL", "DEN", "PHX", "BOS", "MIA", "GSW", "NYK", "MIL", "OKC");

  /** Upstream features a request may carry (names of {@code FeatureSchema.V2_60}). */
  static final List<String> UPSTREAM = List.of("team_pace", "fatigue_score", "opponent_pace");

  private static final List<String> INJURY = List.of("", "", "", "probable", "questionable");

  private PlayerHistories() {}

  /**
   * One player's season from {@code start}, on teams and against opponents from a default pool.
   *
   * @param player the player lookup key
   * @param start the day before the first possible game
   */
  public static Generator<List<PlayerGame>> season(String player, LocalDate start) {
    return season(player, start, TEAMS.subList(2, 6));
  }

  /**
   * One player's season from {@code start}: 5 to 90 games (scaled by size), a trade from the first
   * to the second team two thirds of the way through, opponents from {@code opponents}.
   */
  public static Generator<List<PlayerGame>> season(
      String player, LocalDate start, List<String> opponents) {
    Objects.requireNonNull(player, "player");
    Objects.requireNonNull(start, "start");
    List<String> pool = List.copyOf(opponents);
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("a season needs at least one opponent");
    }
    Generator<Integer> games = Generator.ints(5, 90);
    return (random, size) -> {
      int count = games.generate(random, size);
      int trade = count * 2 / 3;
      List<PlayerGame> rows = new ArrayList<>(count + count / 8);
      LocalDate date = start;
      for (int g = 0; g < count; g++) {
        date = date.plusDays(1 + random.nextInt(4));
        String team = g < trade ? "LAL" : "DAL";
        String opponent = pool.get(random.nextInt(pool.size()));
        boolean home = random.nextBoolean();
        PlayerGame.Builder row =
            PlayerGame.builder(player, date)
                .gameId(gameId(date, team, opponent, home))
                .team(team)
                .opponent(opponent)
                .home(home);
        if (random.nextInt(8) == 0) {
          row.dnp(true);
        } else {
          int fga = 5 + random.nextInt(20);
          int fta = random.nextInt(10);
          int makes = random.nextInt(fta + 1);
          row.points(random.nextInt(45))
              .minutes(10 + random.nextInt(30) + (random.nextBoolean() ? 0.5 : 0))
              .freeThrowMakes(makes)
              .shooting(fga, fta, random.nextInt(5))
              .teamTotals(80 + random.nextInt(15), 15 + random.nextInt(15), 10 + random.nextInt(8));
          if (random.nextBoolean()) {
            row.usageRate(10 + random.nextInt(25));
          }
        }
        if (random.nextInt(3) == 0) {
          // loaded the morning after the game rather than at midnight
          row.knownAt(dayAfter(date).plusSeconds(3600L * (6 + random.nextInt(6))));
        }
        PlayerGame game = row.build();
        rows.add(game);
        if (game.played() && random.nextInt(10) == 0) {
          // a stat correction: a newer version of the game, known two days after it
          rows.add(
              corrected(game, 1 + random.nextInt(4))
                  .withKnownAt(dayAfter(date).plusSeconds(86_400L + random.nextInt(40_000))));
        }
      }
      return List.copyOf(rows);
    };
  }

  /**
   * Scenarios of 1 to 4 players (scaled by size) with seasons that may straddle a season's first
   * day, a season calendar, and a slate of 1 to 8 clean requests on mixed dates.
   */
  public static Generator<PointInTimeScenario> scenarios() {
    return (random, size) -> {
      int players = 1 + Draws.scaled(random, 3, size);
      int opponentCount = 2 + Draws.scaled(random, 2, size);
      List<String> opponents = new ArrayList<>(TEAMS.subList(2, TEAMS.size()));
      Draws.shuffle(opponents, random);
      List<String> pool = List.copyOf(opponents.subList(0, opponentCount));
      // A season first day drawn near the histories, so that season averages depend on it.
      LocalDate start = LocalDate.of(2023, 4, 1).plusDays(random.nextInt(200));
      LocalDate seasonStart = LocalDate.of(2023, 10, 10).plusDays(random.nextInt(30));
      Map<Integer, LocalDate> firstDays = new LinkedHashMap<>();
      firstDays.put(2022, LocalDate.of(2022, 10, 18));
      firstDays.put(2023, seasonStart);
      firstDays.put(2024, LocalDate.of(2024, 10, 22));
      List<PlayerGame> history = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int p = 0; p < players; p++) {
        String name = "player" + (char) ('a' + p);
        names.add(name);
        history.addAll(
            season(name, start.plusDays(random.nextInt(20)), pool).generate(random, size));
      }
      LocalDate last =
          history.stream().map(PlayerGame::gameDate).max(LocalDate::compareTo).orElse(start);
      int span = (int) (last.toEpochDay() - start.toEpochDay()) + 10;
      int requests = 1 + Draws.scaled(random, 7, size);
      List<FeatureRequest> slate = new ArrayList<>(requests);
      for (int r = 0; r < requests; r++) {
        // a few requests share a date, so one history read serves several players
        LocalDate date =
            r > 0 && random.nextInt(3) == 0
                ? slate.get(random.nextInt(r)).gameDate()
                : start.plusDays(random.nextInt(span));
        slate.add(request(names.get(random.nextInt(names.size())), date, pool, random));
      }
      return new PointInTimeScenario(
          firstDays, List.copyOf(history), List.copyOf(slate), random.nextLong());
    };
  }

  /** A clean request: a tip-off on the date, lines and upstream values known before it. */
  static FeatureRequest request(
      String player, LocalDate date, List<String> opponents, SplittableRandom random) {
    Instant tipoff = tipoff(date, random);
    FeatureRequest.Builder request =
        FeatureRequest.builder(player, date)
            .opponent(opponents.get(random.nextInt(opponents.size())))
            .home(random.nextBoolean())
            .tipoff(tipoff)
            .injuryStatus(INJURY.get(random.nextInt(INJURY.size())));
    if (random.nextBoolean()) {
      request.opponentDaysRest(random.nextInt(4));
    }
    double opening = 10 + random.nextInt(20) + 0.5;
    if (random.nextBoolean()) {
      request.openingLine(opening, before(tipoff, random));
    }
    if (random.nextBoolean()) {
      request.line(opening + (random.nextInt(5) - 2) * 0.5, before(tipoff, random));
    }
    for (String feature : UPSTREAM) {
      if (random.nextInt(3) == 0) {
        double value =
            feature.equals("fatigue_score") ? 40 + random.nextInt(55) : 95 + random.nextInt(15);
        request.upstream(feature, value, FeatureSource.PHASE4, before(tipoff, random));
      }
    }
    return request.build();
  }

  /** A tip-off on {@code date} between the earliest and latest tip-off, on a half hour. */
  static Instant tipoff(LocalDate date, SplittableRandom random) {
    int slots = (LATEST_TIPOFF.toSecondOfDay() - EARLIEST_TIPOFF.toSecondOfDay()) / 1800;
    return date.atTime(EARLIEST_TIPOFF.plusMinutes(30L * random.nextInt(slots + 1)))
        .atZone(PlayerGame.LEAGUE_ZONE)
        .toInstant();
  }

  private static Instant before(Instant tipoff, SplittableRandom random) {
    return tipoff.minusSeconds(1 + random.nextInt(86_400));
  }

  /** The game id as the warehouse spells it: {@code YYYYMMDD_AWAY_HOME}. */
  static String gameId(LocalDate date, String team, String opponent, boolean home) {
    String day = date.toString().replace("-", "");
    return home ? day + "_" + opponent + "_" + team : day + "_" + team + "_" + opponent;
  }

  static Instant dayAfter(LocalDate date) {
    return date.plusDays(1).atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant();
  }

  private static PlayerGame corrected(PlayerGame game, int extraPoints) {
    return game.toBuilder().points(game.points() + extraPoints).build();
  }
}
