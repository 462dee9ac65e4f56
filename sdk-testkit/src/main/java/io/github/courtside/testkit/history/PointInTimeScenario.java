package io.github.courtside.testkit.history;

import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.SeasonCalendar;
import io.github.courtside.models.history.InMemoryPlayerGameHistory;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.PlayerGameHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clean histories of a few players, the season calendar they are read with, and a slate of clean
 * requests; with the same source and slate poisoned by {@link Poison}.
 *
 * <p>The point-in-time property it serves: extracting {@link #poisonedSlate()} from {@link
 * #poisonedHistory()} gives, request by request, the vector of the clean request extracted from
 * {@link #cleanHistory(FeatureRequest)} alone.
 *
 * <p>{@link FeatureRequest} has no value equality: compare scenarios with {@link #describe()}.
 *
 * @param seasonFirstDays the season calendar's first days by season year
 * @param history every clean row of every player, in date order per player
 * @param slate the clean requests, in slate order
 * @param poisonSeed the seed of the poison {@link #poisonedHistory()} and {@link #poisonedSlate()}
 *     plant
 */
public record PointInTimeScenario(
    Map<Integer, LocalDate> seasonFirstDays,
    List<PlayerGame> history,
    List<FeatureRequest> slate,
    long poisonSeed) {

  public PointInTimeScenario {
    seasonFirstDays = Map.copyOf(seasonFirstDays);
    history = List.copyOf(history);
    slate = List.copyOf(slate);
  }

  /** The season calendar season averages are read with. */
  public SeasonCalendar calendar() {
    return new SeasonCalendar(seasonFirstDays);
  }

  /** The clean rows of the request's player dated strictly before its game date. */
  public List<PlayerGame> pastOf(FeatureRequest request) {
    Objects.requireNonNull(request, "request");
    List<PlayerGame> past = new ArrayList<>();
    for (PlayerGame row : history) {
      if (row.playerLookup().equals(request.playerLookup())
          && row.gameDate().isBefore(request.gameDate())) {
        past.add(row);
      }
    }
    return past;
  }

  /** A well-behaved source holding only {@link #pastOf(FeatureRequest)}. */
  public PlayerGameHistory cleanHistory(FeatureRequest request) {
    return InMemoryPlayerGameHistory.of(pastOf(request));
  }

  /** The source that returns everything, future values planted: {@link Poison#source}. */
  public PlayerGameHistory poisonedHistory() {
    return Poison.source(history, poisonSeed);
  }

  /** The slate with values unknown at tip-off planted in each request: {@link Poison#request}. */
  public List<FeatureRequest> poisonedSlate() {
    List<FeatureRequest> poisoned = new ArrayList<>(slate.size());
    for (int i = 0; i < slate.size(); i++) {
      poisoned.add(Poison.request(slate.get(i), poisonSeed + i));
    }
    return List.copyOf(poisoned);
  }

  /** A canonical text of the whole scenario: equal scenarios have equal descriptions. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    new java.util.TreeMap<>(seasonFirstDays)
        .forEach((year, day) -> text.append("season ").append(year).append(' ').append(day));
    text.append('\n');
    history.forEach(row -> text.append(row).append('\n'));
    slate.forEach(request -> text.append(Poison.describe(request)).append('\n'));
    return text.append("poison ").append(poisonSeed).toString();
  }
}
