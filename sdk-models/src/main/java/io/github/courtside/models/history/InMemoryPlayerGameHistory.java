package io.github.courtside.models.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PlayerGameHistory} over rows held in memory, indexed by player and sorted by date.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * PlayerGameHistory history = InMemoryPlayerGameHistory.of(rows);
 * FeatureExtractor extractor = FeatureExtractor.builder(history).build();
 * }</pre>
 */
public final class InMemoryPlayerGameHistory implements PlayerGameHistory {
  private final Map<String, List<PlayerGame>> byPlayer;

  private InMemoryPlayerGameHistory(Map<String, List<PlayerGame>> byPlayer) {
    this.byPlayer = byPlayer;
  }

  /** A history of these rows. */
  public static InMemoryPlayerGameHistory of(Collection<PlayerGame> rows) {
    Map<String, List<PlayerGame>> byPlayer = new HashMap<>();
    for (PlayerGame row : rows) {
      byPlayer.computeIfAbsent(row.playerLookup(), k -> new ArrayList<>()).add(row);
    }
    Map<String, List<PlayerGame>> sorted = new HashMap<>();
    byPlayer.forEach(
        (player, games) -> {
          games.sort(Comparator.comparing(PlayerGame::gameDate));
          sorted.put(player, List.copyOf(games));
        });
    return new InMemoryPlayerGameHistory(Map.copyOf(sorted));
  }

  @Override
  public List<PlayerGame> gamesBefore(
      Collection<String> players, LocalDate from, LocalDate before) {
    List<PlayerGame> result = new ArrayList<>();
    for (String player : players) {
      List<PlayerGame> games = byPlayer.getOrDefault(player, List.of());
      int start = firstOnOrAfter(games, from);
      for (int i = start; i < games.size() && games.get(i).gameDate().isBefore(before); i++) {
        result.add(games.get(i));
      }
    }
    return result;
  }

  /** The number of rows held. */
  public int size() {
    return byPlayer.values().stream().mapToInt(List::size).sum();
  }

  private static int firstOnOrAfter(List<PlayerGame> games, LocalDate from) {
    int low = 0;
    int high = games.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (games.get(mid).gameDate().isBefore(from)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
