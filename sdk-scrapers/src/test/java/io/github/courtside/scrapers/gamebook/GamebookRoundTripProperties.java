package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.courtside.scrapers.ParseStatus;
import org.junit.jupiter.api.Test;

/** Random synthetic games rendered by {@link GamebookPdfWriter} parse back to the same game. */
class GamebookRoundTripProperties {
  private final GamebookParser parser = GamebookParser.create();
  private final GamebookPdfWriter writer = GamebookPdfWriter.create();

  @Test
  void renderedSyntheticGamesParseBackEqual() {
    qt().withExamples(80)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Gamebook game = SyntheticGames.game(seed);
              Gamebook parsed = parser.parse(writer.write(game));
              String context = "seed " + seed + ": " + parsed.sections();
              assertEquals(ParseStatus.COMPLETE, parsed.status(), context);
              assertEquals(game.game(), parsed.game(), context);
              assertEquals(game.activePlayers(), parsed.activePlayers(), context);
              assertEquals(game.dnpPlayers(), parsed.dnpPlayers(), context);
              assertEquals(game.inactivePlayers(), parsed.inactivePlayers(), context);
              assertEquals(game.teamTotals(), parsed.teamTotals(), context);
              assertEquals(game.periodScores(), parsed.periodScores(), context);
              assertTrue(parsed.checksPassed(), context + parsed.checks());
              assertEquals(0, parsed.sections().totalErrors(), context);
              assertEquals(0, parsed.sections().totalIssues(), context);
            });
  }
}
