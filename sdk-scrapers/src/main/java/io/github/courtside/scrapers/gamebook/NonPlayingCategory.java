package io.github.courtside.scrapers.gamebook;

/**
 * Why a dressed or listed player has no stat line. All three count as "did not play", not as
 * inactive (spec §A.12).
 *
 * <pre>{@code
 * if (player.category() == NonPlayingCategory.NWT) { ... }
 * }</pre>
 */
public enum NonPlayingCategory {
  /** Did Not Play, e.g. "Coach's Decision". */
  DNP,
  /** Did Not Dress. */
  DND,
  /** Not With Team. */
  NWT
}
