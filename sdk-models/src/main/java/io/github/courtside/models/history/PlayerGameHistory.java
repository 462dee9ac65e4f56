package io.github.courtside.models.history;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The point-in-time source of player-game rows that feature extraction reads.
 *
 * <p>An implementation returns the rows of the given players with {@code from <= gameDate <
 * before}: the game on {@code before} itself is never included (spec-ml §6 #7: the current game in
 * L5/L10 inflated a backtest by 3-4 points). The feature extractor re-checks this bound, so a
 * faulty source cannot leak the future.
 *
 * <pre>{@code
 * PlayerGameHistory history = InMemoryPlayerGameHistory.of(rows);
 * List<PlayerGame> games = history.gamesBefore(
 *     List.of("lebronjames"), LocalDate.parse("2023-10-01"), LocalDate.parse("2024-03-01"));
 * }</pre>
 */
public interface PlayerGameHistory {

  /**
   * The rows of {@code players} dated on or after {@code from} and strictly before {@code before},
   * in any order.
   */
  List<PlayerGame> gamesBefore(Collection<String> players, LocalDate from, LocalDate before);
}
