package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.scrapers.ParseStatus;

/**
 * The round-trip assertion shared by the gamebook properties and the seeded round-trip tests: a
 * parsed gamebook equals the game it was rendered from, field for field, COMPLETE, its box-score
 * checks passed, without errors.
 */
final class GamebookRoundTrip {
  private GamebookRoundTrip() {}

  /** Asserts {@code parsed} reads back {@code rendered}; {@code context} names seed and style. */
  static void assertParsedBack(Gamebook rendered, Gamebook parsed, String context) {
    String c = context + " " + parsed.failureReason() + ": " + parsed.sections();
    assertEquals(ParseStatus.COMPLETE, parsed.status(), c);
    assertEquals(rendered.game(), parsed.game(), c);
    assertEquals(rendered.activePlayers(), parsed.activePlayers(), c);
    assertEquals(rendered.dnpPlayers(), parsed.dnpPlayers(), c);
    assertEquals(rendered.inactivePlayers(), parsed.inactivePlayers(), c);
    assertEquals(rendered.teamTotals(), parsed.teamTotals(), c);
    assertEquals(rendered.periodScores(), parsed.periodScores(), c);
    assertTrue(parsed.checksPassed(), c + parsed.checks());
    assertEquals(0, parsed.sections().totalErrors(), c);
  }
}
