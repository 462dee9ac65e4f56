package io.github.courtside.models.feature;

import static io.github.courtside.models.feature.FeatureSource.CALCULATED;
import static io.github.courtside.models.feature.FeatureSource.MINUTES_PPM;
import static io.github.courtside.models.feature.FeatureSource.OPPONENT_HISTORY;

import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.PlayerGameHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds point-in-time {@link FeatureVector}s for (player, game date) from a {@link
 * PlayerGameHistory}: only games strictly before the game date are read (spec-ml §6 #7), and the
 * extractor re-filters whatever the history returns, so a same-day or future row can never reach a
 * window. DNP rows are filtered out before windowing (§6 #6) and only enter {@code dnp_rate}.
 *
 * <p>Features computed from history are tagged {@link FeatureSource#CALCULATED} (minutes and
 * points-per-minute {@link FeatureSource#MINUTES_PPM}, opponent history {@link
 * FeatureSource#OPPONENT_HISTORY}). The reference tagged cache-miss recomputations "phase4",
 * masking the fallback (§1.9 #1): fixed, nothing here claims to be precomputed. Features the
 * extractor cannot compute (composite factors, team and opponent ratings, shot zones, ...) come
 * from {@link FeatureRequest#upstream()} with the caller's tag, and otherwise take their schema
 * default, tagged {@link FeatureSource#DEFAULT} — including venue and playoff flags when unknown
 * (the reference tagged those phase3 even without a row, §1.9 #8: fixed). A player with no played
 * game in the 60 days before the date gets defaults for every history feature, which the {@code
 * QualityScorer} then blocks. An upstream value never overrides a feature computed from history or
 * from the request (it is ignored and logged as {@code UPSTREAM_IGNORED}); an upstream name no
 * schema knows is refused ({@link UnknownFeatureException}). {@code games_vs_opponent} counts
 * played games (the reference counted DNP rows: fixed).
 *
 * <p>Knowledge time (as in Feast's point-in-time joins): a stat row is used only if it was known at
 * the request's {@link FeatureRequest#knowledgeCutoff()} ({@link PlayerGame#knownAtOrDefault()}),
 * so a late correction is not used as if known earlier; lines and upstream values are used only if
 * known before tip-off ({@link FeatureRequest#knownBeforeTipoff}). Line features ({@code
 * has_vegas_line}, {@code vegas_line_move}, {@code line_vs_season_avg}) are derived after every
 * source is merged. Season averages start at the season's real first day ({@link SeasonCalendar}).
 *
 * <pre>{@code
 * FeatureExtractor extractor = FeatureExtractor.builder(history)
 *     .schema(FeatureSchema.V9_33)
 *     .build();
 * FeatureVector vector = extractor.extract(
 *     FeatureRequest.builder("lebronjames", LocalDate.parse("2024-03-02")).opponent("DEN").build());
 * List<FeatureVector> slate = extractor.extractAll(requests); // one history read per date
 * }</pre>
 */
public final class FeatureExtractor {
  /** How far back history is read: one year (opponent history). */
  public static final int LOOKBACK_DAYS = 365;

  private static final Logger LOG = LoggerFactory.getLogger(FeatureExtractor.class);

  /**
   * Features computed from the player's history: an upstream value never replaces them, even when
   * the history yields none (the vector then carries the default, which the quality gate sees).
   */
  static final Set<String> FROM_HISTORY =
      Set.of(
          "points_avg_last_5",
          "points_avg_last_10",
          "points_avg_season",
          "points_std_last_10",
          "games_in_last_7_days",
          "recent_trend",
          "minutes_change",
          "pct_free_throw",
          "dnp_rate",
          "pts_slope_10g",
          "pts_vs_season_zscore",
          "breakout_flag",
          "minutes_avg_last_10",
          "ppm_avg_last_10",
          "minutes_load_last_7d",
          "points_avg_last_3",
          "scoring_trend_slope",
          "deviation_from_avg_last3",
          "consecutive_games_below_avg",
          "usage_rate_last_5",
          "games_since_structural_change",
          "minutes_volatility_last_10",
          "avg_points_vs_opponent",
          "games_vs_opponent",
          "days_rest",
          "back_to_back",
          "rest_advantage");

  /** Features derived after every source is merged: never taken from upstream. */
  static final Set<String> DERIVED =
      Set.of("vegas_line_move", "has_vegas_line", "line_vs_season_avg", "opponent_pace_mismatch");

  /**
   * Which rows feed opponent history: the point-in-time rows. A seam for the test suite's mutation
   * check only (a leaky variant reads the rows as the source returned them).
   */
  interface OpponentRows {
    OpponentRows POINT_IN_TIME = (pointInTime, asReturned) -> pointInTime;

    List<PlayerGame> select(List<PlayerGame> pointInTime, List<PlayerGame> asReturned);
  }

  private final PlayerGameHistory history;
  private final FeatureSchema schema;
  private final SeasonCalendar calendar;
  private final OpponentRows opponentRows;

  private FeatureExtractor(FeatureExtractorSetup setup) {
    this.history = setup.history();
    this.schema = setup.schema();
    this.calendar = setup.seasonCalendar();
    this.opponentRows = setup.opponentRows();
  }

  /** A builder reading from {@code history}; the schema defaults to {@link FeatureSchema#V2_60}. */
  public static FeatureExtractorSetup.Builder builder(PlayerGameHistory history) {
    return FeatureExtractorSetup.builder().history(history);
  }

  /** The extractor a setup describes. */
  public static FeatureExtractor create(FeatureExtractorSetup setup) {
    return new FeatureExtractor(setup);
  }

  /** The schema of the vectors this extractor builds. */
  public FeatureSchema schema() {
    return schema;
  }

  /** The vector for one request. */
  public FeatureVector extract(FeatureRequest request) {
    return extractAll(List.of(request)).get(0);
  }

  /**
   * Vectors for a whole slate, in request order. History is read once per distinct game date for
   * all players of that date.
   */
  public List<FeatureVector> extractAll(List<FeatureRequest> requests) {
    Map<LocalDate, Set<String>> playersByDate = new LinkedHashMap<>();
    for (FeatureRequest request : requests) {
      playersByDate
          .computeIfAbsent(request.gameDate(), d -> new LinkedHashSet<>())
          .add(request.playerLookup());
    }
    Map<LocalDate, Map<String, List<PlayerGame>>> gamesByDate = new HashMap<>();
    Map<LocalDate, Map<String, List<PlayerGame>>> returnedByDate = new HashMap<>();
    boolean keepReturned = opponentRows != OpponentRows.POINT_IN_TIME;
    playersByDate.forEach(
        (date, players) -> {
          Map<String, List<PlayerGame>> byPlayer = new HashMap<>();
          Map<String, List<PlayerGame>> returned = new HashMap<>();
          for (PlayerGame game :
              history.gamesBefore(players, date.minusDays(LOOKBACK_DAYS), date)) {
            if (keepReturned) {
              returned.computeIfAbsent(game.playerLookup(), k -> new ArrayList<>()).add(game);
            }
            // Point-in-time guard: never trust the source with the date bound.
            if (game.gameDate().isBefore(date)
                && !game.gameDate().isBefore(date.minusDays(LOOKBACK_DAYS))) {
              byPlayer.computeIfAbsent(game.playerLookup(), k -> new ArrayList<>()).add(game);
            }
          }
          byPlayer
              .values()
              .forEach(
                  games ->
                      games.sort(
                          Comparator.comparing(PlayerGame::gameDate)
                              .reversed()
                              .thenComparing(PlayerGame::gameId)));
          gamesByDate.put(date, byPlayer);
          returnedByDate.put(date, returned);
        });
    List<FeatureVector> vectors = new ArrayList<>(requests.size());
    for (FeatureRequest request : requests) {
      List<PlayerGame> games =
          gamesByDate
              .getOrDefault(request.gameDate(), Map.of())
              .getOrDefault(request.playerLookup(), List.of());
      List<PlayerGame> returned =
          returnedByDate
              .getOrDefault(request.gameDate(), Map.of())
              .getOrDefault(request.playerLookup(), List.of());
      vectors.add(build(request, knownAtCutoff(games, request.knowledgeCutoff()), returned));
    }
    return vectors;
  }

  /**
   * The rows known at {@code cutoff}, newest first: a row known later (a late stat correction, a
   * row loaded after tip-off) is dropped, and of several versions of one game the newest known at
   * the cutoff wins.
   */
  static List<PlayerGame> knownAtCutoff(List<PlayerGame> newestFirst, Instant cutoff) {
    Map<String, PlayerGame> byGame = new LinkedHashMap<>();
    for (PlayerGame game : newestFirst) {
      if (game.knownAtOrDefault().isAfter(cutoff)) {
        continue;
      }
      String key = game.gameId().isEmpty() ? game.gameDate().toString() : game.gameId();
      PlayerGame seen = byGame.get(key);
      if (seen == null || game.knownAtOrDefault().isAfter(seen.knownAtOrDefault())) {
        byGame.put(key, game);
      }
    }
    if (byGame.size() == newestFirst.size()) {
      return newestFirst;
    }
    List<PlayerGame> known = new ArrayList<>(byGame.values());
    known.sort(
        Comparator.comparing(PlayerGame::gameDate).reversed().thenComparing(PlayerGame::gameId));
    return known;
  }

  private FeatureVector build(
      FeatureRequest request, List<PlayerGame> newestFirst, List<PlayerGame> asReturned) {
    for (String name : request.upstream().keySet()) {
      if (!schema.contains(name) && !FeatureSchema.V2_60.contains(name)) {
        throw new UnknownFeatureException(schema.id(), name);
      }
    }
    Map<String, FeatureValue> out = new LinkedHashMap<>();
    LocalDate date = request.gameDate();
    LocalDate from60 = date.minusDays(60);
    LocalDate from30 = date.minusDays(30);
    LocalDate from7 = date.minusDays(7);
    LocalDate seasonStart = calendar.seasonStart(date);

    List<PlayerGame> rows60 = new ArrayList<>();
    List<PlayerGame> played60 = new ArrayList<>();
    List<PlayerGame> playedAll = new ArrayList<>();
    for (PlayerGame game : newestFirst) {
      if (game.played()) {
        playedAll.add(game);
      }
      if (!game.gameDate().isBefore(from60)) {
        rows60.add(game);
        if (game.played()) {
          played60.add(game);
        }
      }
    }

    if (!played60.isEmpty()) {
      List<PlayerGame> last10 = played60.subList(0, Math.min(10, played60.size()));
      List<Double> points10 = points(last10);
      double l5 = Stats.mean(points10.subList(0, Math.min(5, points10.size())));
      double l10 = Stats.mean(points10);
      double std10 = Stats.sampleStd(points10);
      List<PlayerGame> season = new ArrayList<>();
      for (PlayerGame game : playedAll) {
        if (!game.gameDate().isBefore(seasonStart)) {
          season.add(game);
        }
      }
      double seasonPoints = Stats.mean(points(season));
      double seasonMinutes = Stats.mean(minutes(season));
      put(out, "points_avg_last_5", l5, CALCULATED);
      put(out, "points_avg_last_10", l10, CALCULATED);
      put(out, "points_avg_season", seasonPoints, CALCULATED);
      put(out, "points_std_last_10", std10, CALCULATED);
      put(out, "games_in_last_7_days", countSince(played60, from7), CALCULATED);
      put(out, "recent_trend", FeatureCalculator.recentTrend(points10), CALCULATED);
      put(
          out,
          "minutes_change",
          FeatureCalculator.minutesChange(Stats.mean(minutes(last10)), seasonMinutes),
          CALCULATED);
      put(out, "pct_free_throw", FeatureCalculator.pctFreeThrow(last10), CALCULATED);
      put(
          out,
          "dnp_rate",
          FeatureCalculator.dnpRate(rows60.subList(0, Math.min(10, rows60.size()))),
          CALCULATED);
      put(out, "pts_slope_10g", FeatureCalculator.pointsSlope(points10), CALCULATED);
      put(
          out,
          "pts_vs_season_zscore",
          FeatureCalculator.zScore(l5, seasonPoints, std10),
          CALCULATED);
      put(
          out,
          "breakout_flag",
          FeatureCalculator.breakoutFlag(l5, seasonPoints, std10),
          CALCULATED);

      List<PlayerGame> played30 = new ArrayList<>();
      for (PlayerGame game : played60) {
        if (!game.gameDate().isBefore(from30)) {
          played30.add(game);
        }
      }
      if (!played30.isEmpty()) {
        List<Double> ppm = new ArrayList<>();
        for (PlayerGame game : played30) {
          ppm.add(game.points() / game.minutes());
        }
        put(out, "minutes_avg_last_10", Stats.mean(minutes(played30)), MINUTES_PPM);
        put(out, "ppm_avg_last_10", Stats.mean(ppm), MINUTES_PPM);
      }
      double minutesLoad = 0;
      for (PlayerGame game : played60) {
        if (!game.gameDate().isBefore(from7)) {
          minutesLoad += game.minutes();
        }
      }
      put(out, "minutes_load_last_7d", minutesLoad, CALCULATED);

      List<PlayerGame> oldestFirst = new ArrayList<>(played60);
      java.util.Collections.reverse(oldestFirst);
      List<Double> pointsOldestFirst = points(oldestFirst);
      put(out, "points_avg_last_3", FeatureCalculator.lastMean(pointsOldestFirst, 3), CALCULATED);
      put(
          out,
          "scoring_trend_slope",
          FeatureCalculator.scoringTrendSlope(pointsOldestFirst),
          CALCULATED);
      put(
          out,
          "deviation_from_avg_last3",
          FeatureCalculator.deviationFromAverage(pointsOldestFirst),
          CALCULATED);
      put(
          out,
          "consecutive_games_below_avg",
          FeatureCalculator.consecutiveGamesBelowAverage(pointsOldestFirst),
          CALCULATED);
      put(out, "usage_rate_last_5", FeatureCalculator.usageRateLast5(oldestFirst), CALCULATED);
      put(
          out,
          "games_since_structural_change",
          FeatureCalculator.gamesSinceStructuralChange(oldestFirst),
          CALCULATED);
      FeatureCalculator.minutesVolatility(played60)
          .ifPresent(v -> put(out, "minutes_volatility_last_10", v, CALCULATED));

      request
          .opponent()
          .ifPresent(
              opponent -> {
                List<Double> versus = new ArrayList<>();
                for (PlayerGame game : opponentRows.select(playedAll, playedOf(asReturned))) {
                  if (opponent.equals(game.opponent())) {
                    versus.add(game.points());
                  }
                }
                if (versus.isEmpty()) {
                  put(out, "avg_points_vs_opponent", seasonPoints, CALCULATED);
                } else {
                  put(out, "avg_points_vs_opponent", Stats.mean(versus), OPPONENT_HISTORY);
                }
                put(out, "games_vs_opponent", versus.size(), OPPONENT_HISTORY);
              });
    }

    double daysRest = FeatureCalculator.daysRest(playedAll, date).orElse(Double.NaN);
    put(out, "days_rest", daysRest, CALCULATED);
    if (!Double.isNaN(daysRest)) {
      put(out, "back_to_back", daysRest == 1 ? 1.0 : 0.0, CALCULATED);
    }
    put(
        out,
        "rest_advantage",
        FeatureCalculator.restAdvantage(daysRest, request.opponentDaysRest().orElse(Double.NaN)),
        CALCULATED);
    put(out, "injury_risk", FeatureCalculator.injuryRisk(request.injuryStatus()), CALCULATED);
    request.home().ifPresent(home -> put(out, "home_away", home ? 1.0 : 0.0, CALCULATED));
    put(out, "playoff_game", request.playoff() ? 1.0 : 0.0, CALCULATED);

    List<String> ignored = new ArrayList<>(0);
    if (request.line().isPresent()) {
      if (request.knownBeforeTipoff(request.lineAsOf().orElse(null))) {
        put(out, "vegas_points_line", request.line().getAsDouble(), request.lineSource());
      } else {
        ignored.add("vegas_points_line (line observed after tip-off)");
      }
    }
    if (request.openingLine().isPresent()) {
      if (request.knownBeforeTipoff(request.openingLineAsOf().orElse(null))) {
        put(out, "vegas_opening_line", request.openingLine().getAsDouble(), request.lineSource());
      } else {
        ignored.add("vegas_opening_line (line observed after tip-off)");
      }
    }
    for (Map.Entry<String, FeatureValue> entry : request.upstream().entrySet()) {
      String name = entry.getKey();
      if (FROM_HISTORY.contains(name) || DERIVED.contains(name) || out.containsKey(name)) {
        ignored.add(name + " (computed here; upstream never overrides)");
      } else if (!request.knownBeforeTipoff(request.upstreamAsOf().get(name))) {
        ignored.add(name + " (not known before tip-off)");
      } else {
        out.put(name, entry.getValue());
      }
    }
    if (!ignored.isEmpty()) {
      LOG.warn("UPSTREAM_IGNORED player={} date={}: {}", request.playerLookup(), date, ignored);
    }

    // Line features are derived after every source is merged (spec-ml §6 #2).
    double line = valueOf(out, "vegas_points_line");
    double opening = valueOf(out, "vegas_opening_line");
    put(out, "vegas_line_move", line - opening, CALCULATED);
    put(out, "has_vegas_line", Double.isNaN(line) ? 0.0 : 1.0, CALCULATED);
    FeatureValue season = out.get("points_avg_season");
    if (season != null) {
      put(out, "line_vs_season_avg", line - season.value(), CALCULATED);
    }
    FeatureValue teamPace = out.get("team_pace");
    FeatureValue opponentPace = out.get("opponent_pace");
    if (teamPace != null && opponentPace != null) {
      put(out, "opponent_pace_mismatch", teamPace.value() - opponentPace.value(), CALCULATED);
    }

    FeatureVector.Builder vector = FeatureVector.builder(schema);
    out.forEach((name, value) -> vector.setIfPresent(name, value.value(), value.source()));
    return vector.build();
  }

  /** The first day of the season a date belongs to, from {@link SeasonCalendar#NBA}. */
  public static LocalDate seasonStart(LocalDate date) {
    return SeasonCalendar.NBA.seasonStart(date);
  }

  private static double valueOf(Map<String, FeatureValue> out, String name) {
    FeatureValue value = out.get(name);
    return value == null ? Double.NaN : value.value();
  }

  private static List<PlayerGame> playedOf(List<PlayerGame> rows) {
    List<PlayerGame> played = new ArrayList<>(rows.size());
    for (PlayerGame game : rows) {
      if (game.played()) {
        played.add(game);
      }
    }
    return played;
  }

  private static void put(
      Map<String, FeatureValue> out, String name, double value, FeatureSource s) {
    if (!Double.isNaN(value)) {
      out.put(name, new FeatureValue(value, s));
    }
  }

  private static int countSince(List<PlayerGame> games, LocalDate from) {
    int count = 0;
    for (PlayerGame game : games) {
      if (!game.gameDate().isBefore(from)) {
        count++;
      }
    }
    return count;
  }

  private static List<Double> points(List<PlayerGame> games) {
    List<Double> points = new ArrayList<>(games.size());
    for (PlayerGame game : games) {
      points.add(game.points());
    }
    return points;
  }

  private static List<Double> minutes(List<PlayerGame> games) {
    List<Double> minutes = new ArrayList<>(games.size());
    for (PlayerGame game : games) {
      minutes.add(game.minutes());
    }
    return minutes;
  }
}
