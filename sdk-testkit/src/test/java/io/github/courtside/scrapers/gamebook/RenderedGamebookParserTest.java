package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The parser on PDFs rendered by the testkit's {@link GamebookPdfWriter}: truncated documents,
 * extraction budgets, games that span pages. (Moved from sdk-scrapers' GamebookParserTest with the
 * writer.)
 */
class RenderedGamebookParserTest {
  private final GamebookParser parser = GamebookParser.create();

  @Test
  void aTruncatedPdfFails() {
    byte[] pdf = GamebookPdfWriter.create().write(SyntheticGames.game(7));
    byte[] half = java.util.Arrays.copyOf(pdf, pdf.length / 3);
    Gamebook g = parser.parse(half);
    assertEquals(ParseStatus.FAILED, g.status());
  }

  @Test
  void extractionThatOutlivesItsBudgetFailsAsTimedOut() {
    // A clock that advances 50 ms on every reading: the 1 s budget runs out after ~20 checks.
    Clock ticking =
        new Clock() {
          private long millis;

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            millis += 50;
            return Instant.ofEpochMilli(millis);
          }
        };
    GamebookParser slow =
        GamebookParser.create(
            GamebookParserConfig.builder()
                .extractor(
                    PdfTextExtractor.builder()
                        .clock(ticking)
                        .timeout(Duration.ofSeconds(1))
                        .build())
                .build());
    Gamebook g = slow.parse(GamebookPdfWriter.create().write(SyntheticGames.game(3)));
    assertEquals(ParseStatus.FAILED, g.status());
    assertTrue(g.failureReason().orElseThrow().startsWith("TIMED_OUT"), g.failureReason().get());
  }

  @Test
  void aLongGameSpansPagesAndParsesBack() {
    Gamebook game = null;
    for (long seed = 0; game == null; seed++) {
      Gamebook candidate = SyntheticGames.game(seed);
      if (candidate.activePlayers().size() > 36) {
        game = candidate;
      }
    }
    Gamebook parsed = parser.parse(GamebookPdfWriter.create().write(game));
    assertTrue(parsed.pageCount() > 1, "pages: " + parsed.pageCount());
    assertEquals(game.activePlayers(), parsed.activePlayers());
    assertEquals(game.inactivePlayers(), parsed.inactivePlayers());
    assertEquals(ParseStatus.COMPLETE, parsed.status());
  }
}
