package io.github.courtside.scrapers.gamebook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sections of a gamebook parse that report to the {@link
 * io.github.courtside.core.tracking.SectionErrorTracker}: the nine of the old platform (spec §A.16)
 * plus {@link #UNCLASSIFIED_LINES}, where lines that match nothing are recorded as soft issues
 * instead of being dropped silently (spec §A.22 item 8).
 *
 * <pre>{@code
 * gamebook.sections().section(GamebookSection.STAT_LINE_PARSING.key());
 * }</pre>
 */
public enum GamebookSection {
  GAME_METADATA,
  OFFICIALS_PARSING,
  ACTIVE_PLAYER_EXTRACTION,
  STAT_LINE_PARSING,
  DNP_EXTRACTION,
  DND_EXTRACTION,
  NWT_EXTRACTION,
  INACTIVE_PLAYER_EXTRACTION,
  INDIVIDUAL_INACTIVE_PLAYER,
  UNCLASSIFIED_LINES;

  /** The section's name in the tracker and the JSON, e.g. {@code stat_line_parsing}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** All keys in order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(GamebookSection::key).toList();
  }
}
