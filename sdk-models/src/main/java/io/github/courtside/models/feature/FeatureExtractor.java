package io.github.courtside.models.feature;

import static io.github.courtside.models.feature.FeatureSource.CALCULATED;
import static io.github.courtside.models.feature.FeatureSource.MINUTES_PPM;
import static io.github.courtside.models.feature.FeatureSource.OPPONENT_HISTORY;

import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.PlayerGameHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * QualityScorer} then blocks. An upstream value for a feature the extractor also computes takes
 * precedence; an upstream name no schema knows is refused ({@link UnknownFeatureException}). {@code
 * games_vs_opponent} counts played games (the reference counted DNP rows: fixed).
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

  private final PlayerGameHistory history;
  private final FeatureSchema schema;

  private FeatureExtractor(PlayerGameHistory history, FeatureSchema schema) {
    this.history = history;
    this.schema = schema;
  }

  /** A builder reading from {@code history}; the schema defaults to {@link FeatureSchema#V2_60}. */
  public static Builder builder(PlayerGameHistory history) {
    return new Builder(history);
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
    playersByDate.forEach(
        (date, players) -> {
          Map<String, List<PlayerGame>> byPlayer = new HashMap<>();
          for (PlayerGame game :
              history.gamesBefore(players, date.minusDays(LOOKBACK_DAYS), date)) {
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
        });
    List<FeatureVector> vectors = new ArrayList<>(requests.size());
    for (FeatureRequest request : requests) {
      List<PlayerGame> games =
          gamesByDate
              .getOrDefault(request.gameDate(), Map.of())
              .getOrDefault(request.playerLookup(), List.of());
      vectors.add(build(request, games));
    }
    return vectors;
  }

  private FeatureVector build(FeatureRequest request, List<PlayerGame> newestFirst) {
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
    LocalDate seasonStart = seasonStart(date);

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
                for (PlayerGame game : playedAll) {
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

    double line = request.line().orElse(Double.NaN);
    double opening = request.openingLine().orElse(Double.NaN);
    put(out, "vegas_points_line", line, request.lineSource());
    put(out, "vegas_opening_line", opening, request.lineSource());
    put(out, "vegas_line_move", line - opening, CALCULATED);
    put(out, "has_vegas_line", Double.isNaN(line) ? 0.0 : 1.0, CALCULATED);

    request.upstream().forEach(out::put);

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

  /** The first day of the season a date belongs to: October 1 of the season's starting year. */
  public static LocalDate seasonStart(LocalDate date) {
    int year = date.getMonthValue() >= 10 ? date.getYear() : date.getYear() - 1;
    return LocalDate.of(year, 10, 1);
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

  /** Builds a {@link FeatureExtractor}. */
  public static final class Builder {
    private final PlayerGameHistory history;
    private FeatureSchema schema = FeatureSchema.V2_60;

    private Builder(PlayerGameHistory history) {
      this.history = Objects.requireNonNull(history, "history");
    }

    /** The schema of the vectors built. */
    public Builder schema(FeatureSchema value) {
      schema = Objects.requireNonNull(value, "schema");
      return this;
    }

    /** The extractor. */
    public FeatureExtractor build() {
      return new FeatureExtractor(history, schema);
    }
  }
}
