package io.github.courtside.models.history;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PlayerGameHistory} read from any {@link Warehouse} through {@link Warehouse#query}.
 *
 * <p>The table holds one row per player and game with these columns (absent columns and NULLs read
 * as unknown): {@code player_lookup STRING, game_date DATE, game_id STRING, team_abbr STRING,
 * opponent_team_abbr STRING, is_home BOOL, is_dnp BOOL, points, minutes_played, ft_makes,
 * fg_attempts, ft_attempts, turnovers, usage_rate, team_fg_attempts, team_ft_attempts,
 * team_turnovers, known_at TIMESTAMP} (numbers as INT64, FLOAT64 or NUMERIC). {@code known_at} is
 * the knowledge time of the row's version: when that version of the stat line became known (a late
 * stat correction is a second row for the same game with a later {@code known_at}); the feature
 * extractor uses a row only if it was known at the request's cutoff. The column is optional for
 * older tables: when it is absent or NULL the row reads as known at the start of the day after the
 * game, league time ({@link PlayerGame#knownAtOrDefault()}). The query is portable
 * GoogleSQL/DuckDB: {@code DATE 'yyyy-mm-dd'} literals and an {@code IN} list of player keys, which
 * must be plain identifiers (letters, digits, {@code _ . -}) so they render without escaping.
 *
 * <pre>{@code
 * PlayerGameHistory history =
 *     new WarehousePlayerGameHistory(warehouse, TableId.of("nba_analytics", "player_game_summary"));
 * }</pre>
 */
public final class WarehousePlayerGameHistory implements PlayerGameHistory {
  private static final Pattern PLAYER_KEY = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  private static final int PLAYERS_PER_QUERY = 500;

  private final Warehouse warehouse;
  private final TableId table;

  /** A history over {@code table} of {@code warehouse}. */
  public WarehousePlayerGameHistory(Warehouse warehouse, TableId table) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.table = Objects.requireNonNull(table, "table");
  }

  @Override
  public List<PlayerGame> gamesBefore(
      Collection<String> players, LocalDate from, LocalDate before) {
    List<String> keys = List.copyOf(players);
    for (String key : keys) {
      if (!PLAYER_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "player key '" + key + "' is not a plain identifier; refusing to render it into SQL");
      }
    }
    List<PlayerGame> games = new ArrayList<>();
    for (int start = 0; start < keys.size(); start += PLAYERS_PER_QUERY) {
      List<String> chunk = keys.subList(start, Math.min(keys.size(), start + PLAYERS_PER_QUERY));
      for (Row row : warehouse.query(sql(chunk, from, before))) {
        games.add(toGame(row));
      }
    }
    return games;
  }

  String sql(List<String> players, LocalDate from, LocalDate before) {
    return "SELECT * FROM "
        + table.qualifiedName()
        + " WHERE game_date >= DATE '"
        + from
        + "' AND game_date < DATE '"
        + before
        + "' AND player_lookup IN ("
        + players.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "))
        + ")";
  }

  private PlayerGame toGame(Row row) {
    String player = row.getString("player_lookup").orElseThrow(() -> missing("player_lookup"));
    LocalDate date = row.getDate("game_date").orElseThrow(() -> missing("game_date"));
    return PlayerGame.builder(player, date)
        .gameId(row.getString("game_id").orElse(""))
        .team(row.getString("team_abbr").orElse(""))
        .opponent(row.getString("opponent_team_abbr").orElse(""))
        .home(row.getBoolean("is_home").orElse(false))
        .dnp(row.getBoolean("is_dnp").orElse(false))
        .points(number(row, "points"))
        .minutes(number(row, "minutes_played"))
        .freeThrowMakes(number(row, "ft_makes"))
        .shooting(number(row, "fg_attempts"), number(row, "ft_attempts"), number(row, "turnovers"))
        .usageRate(number(row, "usage_rate"))
        .teamTotals(
            number(row, "team_fg_attempts"),
            number(row, "team_ft_attempts"),
            number(row, "team_turnovers"))
        .knownAt(row.getTimestamp("known_at"))
        .build();
  }

  private CourtsideException missing(String column) {
    return new CourtsideException(
        "table " + table + " returned a row without " + column + "; cannot build history");
  }

  private static double number(Row row, String column) {
    @Nullable Object value = row.get(column);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    return Double.NaN;
  }
}
