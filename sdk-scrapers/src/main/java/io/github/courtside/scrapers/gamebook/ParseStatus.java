package io.github.courtside.scrapers.gamebook;

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
  /** Every section complete and both teams have active players. */
  COMPLETE,
  /** Parsed, but a section is incomplete or a team has no active players. */
  PARTIAL,
  /** Nothing usable: corrupt, truncated, too slow or not a gamebook; the reason says which. */
  FAILED
}
