package io.github.courtside.models.feature;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which season a date belongs to, from the seasons' real first days rather than a fixed October 1:
 * the 2019-20 season ran from 2019-10-22 through the Orlando bubble to the finals of 2020-10-11,
 * and 2020-21 began on 2020-12-22. A date belongs to the latest season starting on or before it; a
 * date after the last listed season's year uses October 1 of its season year for later seasons.
 *
 * <pre>{@code
 * LocalDate start = SeasonCalendar.NBA.seasonStart(LocalDate.parse("2020-10-05")); // 2019-10-22
 * }</pre>
 */
public final class SeasonCalendar {
  /** NBA regular-season opening days, 2015-16 to 2025-26. */
  public static final SeasonCalendar NBA =
      new SeasonCalendar(
          Map.ofEntries(
              Map.entry(2015, LocalDate.parse("2015-10-27")),
              Map.entry(2016, LocalDate.parse("2016-10-25")),
              Map.entry(2017, LocalDate.parse("2017-10-17")),
              Map.entry(2018, LocalDate.parse("2018-10-16")),
              Map.entry(2019, LocalDate.parse("2019-10-22")),
              Map.entry(2020, LocalDate.parse("2020-12-22")),
              Map.entry(2021, LocalDate.parse("2021-10-19")),
              Map.entry(2022, LocalDate.parse("2022-10-18")),
              Map.entry(2023, LocalDate.parse("2023-10-24")),
              Map.entry(2024, LocalDate.parse("2024-10-22")),
              Map.entry(2025, LocalDate.parse("2025-10-21"))));

  private final NavigableMap<LocalDate, Integer> starts = new TreeMap<>();
  private final int lastYear;

  /** A calendar of season first days by the season's starting year. */
  public SeasonCalendar(Map<Integer, LocalDate> firstDays) {
    Objects.requireNonNull(firstDays, "firstDays");
    if (firstDays.isEmpty()) {
      throw new IllegalArgumentException("a season calendar needs at least one season");
    }
    firstDays.forEach((year, day) -> starts.put(day, year));
    lastYear = starts.lastEntry().getValue();
  }

  /** The first day of the season {@code date} belongs to. */
  public LocalDate seasonStart(LocalDate date) {
    int octoberYear = date.getMonthValue() >= 10 ? date.getYear() : date.getYear() - 1;
    if (octoberYear > lastYear) {
      LocalDate october = LocalDate.of(octoberYear, 10, 1);
      return october;
    }
    Map.Entry<LocalDate, Integer> season = starts.floorEntry(date);
    if (season == null) {
      return LocalDate.of(octoberYear, 10, 1);
    }
    return season.getKey();
  }
}
