package io.github.courtside.testkit.history;

import io.github.courtside.models.feature.FeatureExtractor;
import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureValue;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.PlayerGameHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Plants values that are unknown at tip-off in every field a feature extractor reads, so that a
 * property can show they never reach a vector.
 *
 * <p>{@link #source} is a history source that ignores its bounds: asked for the rows before a date,
 * it returns every row of every player, in a shuffled order, with
 *
 * <ul>
 *   <li>each row on or after the date replaced by a poisoned copy (another team, an opponent the
 *       slate asks about, the other venue, 99 points in 48 minutes, 30 free throws, a 99% usage
 *       rate) that claims to have been known before every tip-off of the date;
 *   <li>late stat corrections: poisoned versions of some past games, known only after the date's
 *       last tip-off;
 *   <li>a poisoned game the day before, loaded only after the last tip-off;
 *   <li>a poisoned game outside the extractor's look-back window ({@link
 *       FeatureExtractor#LOOKBACK_DAYS}).
 * </ul>
 *
 * <p>{@link #request} adds to a request what a leaky caller would: a current and an opening line
 * observed after (or exactly at) tip-off where the request has none, upstream values known only
 * after tip-off, and upstream values, known before tip-off, for features the extractor computes
 * from history (which must never override them).
 *
 * <pre>{@code
 * PlayerGameHistory leaky = Poison.source(rows, 42L);
 * FeatureRequest poisoned = Poison.request(clean, 42L);
 * }</pre>
 */
public final class Poison {
  /** The points of every poisoned row: more than any generated game. */
  public static final double POINTS = 99;

  /** Features the extractor computes, given upstream by the poisoned request. */
  static final Map<String, Double> COMPUTED_UPSTREAM =
      Map.of(
          "points_avg_last_5", 69.0,
          "avg_points_vs_opponent", 69.0,
          "games_vs_opponent", 40.0,
          "usage_rate_last_5", 39.0,
          "minutes_avg_last_10", 47.0,
          "days_rest", 9.0,
          "back_to_back", 1.0,
          "has_vegas_line", 1.0,
          "vegas_line_move", 9.0);

  /** Upstream features given only after tip-off, with in-range values unlike the clean ones. */
  static final Map<String, Double> LATE_UPSTREAM =
      Map.of("team_pace", 114.0, "fatigue_score", 1.0, "opponent_pace", 91.0);

  private Poison() {}

  /**
   * A source that ignores its bounds and returns {@code rows} with the future planted in every
   * field (see the class description). The same read always returns the same rows.
   */
  public static PlayerGameHistory source(Collection<PlayerGame> rows, long seed) {
    List<PlayerGame> clean = List.copyOf(rows);
    List<String> opponents =
        List.copyOf(
            clean.stream()
                .map(PlayerGame::opponent)
                .filter(o -> !o.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    List<String> players =
        List.copyOf(
            clean.stream()
                .map(PlayerGame::playerLookup)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    return (asked, from, before) -> read(clean, players, opponents, before, seed);
  }

  private static List<PlayerGame> read(
      List<PlayerGame> clean,
      List<String> players,
      List<String> opponents,
      LocalDate date,
      long seed) {
    SplittableRandom random =
        new SplittableRandom(seed ^ (date.toEpochDay() * 0x9E3779B97F4A7C15L));
    List<String> pool = opponents.isEmpty() ? List.of("ZZZ") : opponents;
    List<PlayerGame> out = new ArrayList<>(clean.size() * 2);
    for (PlayerGame row : clean) {
      String opponent = pool.get(random.nextInt(pool.size()));
      if (row.gameDate().isBefore(date)) {
        out.add(row);
        if (random.nextInt(6) == 0) {
          out.add(
              row(row.playerLookup(), row.gameDate(), row.gameId(), opponent, after(date, random)));
        }
      } else {
        out.add(
            row(row.playerLookup(), row.gameDate(), row.gameId(), opponent, before(date, random)));
      }
    }
    for (String player : players) {
      String opponent = pool.get(random.nextInt(pool.size()));
      LocalDate yesterday = date.minusDays(1);
      out.add(row(player, yesterday, player + "_late_" + yesterday, opponent, after(date, random)));
      out.add(row(player, date, player + "_today_" + date, opponent, before(date, random)));
      LocalDate ancient = date.minusDays(FeatureExtractor.LOOKBACK_DAYS + 1L + random.nextInt(30));
      out.add(row(player, ancient, player + "_old_" + ancient, opponent, before(ancient, random)));
    }
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      PlayerGame swap = out.get(i);
      out.set(i, out.get(j));
      out.set(j, swap);
    }
    return out;
  }

  /** A poisoned row: every field the extractor reads far from any clean value. */
  public static PlayerGame row(
      String player, LocalDate date, String gameId, String opponent, Instant knownAt) {
    return PlayerGame.builder(player, date)
        .gameId(gameId)
        .team("ZZZ")
        .opponent(opponent)
        .home(date.toEpochDay() % 2 == 0)
        .points(POINTS)
        .minutes(48)
        .freeThrowMakes(30)
        .shooting(40, 30, 0)
        .teamTotals(90, 30, 10)
        .usageRate(99)
        .knownAt(knownAt)
        .build();
  }

  /**
   * {@code clean} with values unknown at its tip-off planted (see the class description).
   *
   * @throws IllegalArgumentException when the request has no tip-off: without one, nothing is
   *     "after tip-off"
   */
  public static FeatureRequest request(FeatureRequest clean, long seed) {
    Instant tipoff =
        clean
            .tipoff()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "poisoning " + clean + " needs its tip-off: none was given"));
    SplittableRandom random = new SplittableRandom(seed);
    FeatureRequest.Builder poisoned = copy(clean);
    if (clean.line().isEmpty()) {
      poisoned.line(55.5, atOrAfter(tipoff, random));
    }
    if (clean.openingLine().isEmpty()) {
      poisoned.openingLine(54.5, atOrAfter(tipoff, random));
    }
    LATE_UPSTREAM.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> !clean.upstream().containsKey(e.getKey()))
        .forEach(
            e ->
                poisoned.upstream(
                    e.getKey(), e.getValue(), FeatureSource.PHASE4, atOrAfter(tipoff, random)));
    COMPUTED_UPSTREAM.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                poisoned.upstream(
                    e.getKey(),
                    e.getValue(),
                    FeatureSource.PHASE4,
                    tipoff.minusSeconds(1 + random.nextInt(3600))));
    return poisoned.build();
  }

  /** A builder holding every field of {@code request}. */
  public static FeatureRequest.Builder copy(FeatureRequest request) {
    FeatureRequest.Builder copy =
        FeatureRequest.builder(request.playerLookup(), request.gameDate())
            .playoff(request.playoff())
            .injuryStatus(request.injuryStatus())
            .lineSource(request.lineSource());
    request.opponent().ifPresent(copy::opponent);
    request.home().ifPresent(copy::home);
    request.opponentDaysRest().ifPresent(copy::opponentDaysRest);
    request.tipoff().ifPresent(copy::tipoff);
    request
        .line()
        .ifPresent(
            line ->
                request
                    .lineAsOf()
                    .ifPresentOrElse(asOf -> copy.line(line, asOf), () -> copy.line(line)));
    request
        .openingLine()
        .ifPresent(
            line ->
                request
                    .openingLineAsOf()
                    .ifPresentOrElse(
                        asOf -> copy.openingLine(line, asOf), () -> copy.openingLine(line)));
    request
        .upstream()
        .forEach(
            (name, value) -> {
              Instant asOf = request.upstreamAsOf().get(name);
              if (asOf == null) {
                copy.upstream(name, value.value(), value.source());
              } else {
                copy.upstream(name, value.value(), value.source(), asOf);
              }
            });
    return copy;
  }

  /** A canonical text of every field of a request. */
  public static String describe(FeatureRequest request) {
    Objects.requireNonNull(request, "request");
    StringBuilder text =
        new StringBuilder(request.playerLookup())
            .append(' ')
            .append(request.gameDate())
            .append(" opp=")
            .append(request.opponent().orElse("?"))
            .append(" home=")
            .append(request.home().map(String::valueOf).orElse("?"))
            .append(" playoff=")
            .append(request.playoff())
            .append(" injury=")
            .append(request.injuryStatus())
            .append(" oppRest=")
            .append(request.opponentDaysRest())
            .append(" tipoff=")
            .append(request.tipoff().map(Instant::toString).orElse("?"))
            .append(" line=")
            .append(request.line())
            .append('@')
            .append(request.lineAsOf().map(Instant::toString).orElse("?"))
            .append(" opening=")
            .append(request.openingLine())
            .append('@')
            .append(request.openingLineAsOf().map(Instant::toString).orElse("?"))
            .append(' ')
            .append(request.lineSource());
    new TreeMap<String, FeatureValue>(request.upstream())
        .forEach(
            (name, value) ->
                text.append(' ')
                    .append(name)
                    .append('=')
                    .append(value.value())
                    .append('/')
                    .append(value.source())
                    .append('@')
                    .append(request.upstreamAsOf().getOrDefault(name, Instant.EPOCH)));
    return text.toString();
  }

  /** After the last tip-off of {@code date}: within the hour that follows it. */
  static Instant after(LocalDate date, SplittableRandom random) {
    return date.atTime(PlayerHistories.LATEST_TIPOFF)
        .atZone(PlayerGame.LEAGUE_ZONE)
        .toInstant()
        .plusSeconds(1 + random.nextInt(3600));
  }

  /** Before the first tip-off of {@code date}. */
  static Instant before(LocalDate date, SplittableRandom random) {
    return date.atTime(PlayerHistories.EARLIEST_TIPOFF)
        .atZone(PlayerGame.LEAGUE_ZONE)
        .toInstant()
        .minusSeconds(1 + random.nextInt(36_000));
  }

  /** Exactly at tip-off one time in four (not strictly before it, so unknown), else after it. */
  private static Instant atOrAfter(Instant tipoff, SplittableRandom random) {
    return random.nextInt(4) == 0 ? tipoff : tipoff.plusSeconds(1 + random.nextInt(50_000));
  }
}
