package io.github.courtside.scrapers;

/**
 * How far parsing a document got.
 *
 * <pre>{@code
 * if (gamebook.status() == ParseStatus.FAILED) {
 *   log.warn("unusable: {}", gamebook.failureReason().orElse(""));
 * }
 * }</pre>
 */
public enum ParseStatus {
  /**
   * Every section complete (for a gamebook: both teams have active players and every box-score
   * identity holds).
   */
  COMPLETE,
  /** Parsed, but a section is incomplete (for a gamebook: or a team has no active players). */
  PARTIAL,
  /** Nothing usable: corrupt, truncated, too slow or not the expected document; see the reason. */
  FAILED
}
