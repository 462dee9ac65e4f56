package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random synthetic games rendered by {@link GamebookPdfWriter} parse back to the same game: in the
 * standard layout, and in random layout variants the parser does not control (three font families
 * and sizes, jittered column positions and cell offsets, "+N" plus/minus, wrapped hyphenated names,
 * page breaks inside a team and inside the inactive lists, dash variants, mixed-case headers).
 * Fixed QuickTheories seeds: CI runs the same cases every time, so a failure is a bug, not bad
 * luck.
 */
class GamebookRoundTripProperties {
  /** Correctness, not speed, is asserted here: a loaded CI machine must not turn into failures. */
  private final GamebookParser parser =
      GamebookParser.create(
          GamebookParserConfig.builder()
              .timeBudget(Duration.ofSeconds(30))
              .extractor(PdfTextExtractor.builder().timeout(Duration.ofSeconds(30)).build())
              .build());

  private final GamebookPdfWriter writer = GamebookPdfWriter.create();

  static GamebookPdfWriter.Style style(long seed) {
    Random random = new Random(seed);
    GamebookPdfWriter.Family family =
        GamebookPdfWriter.Family.values()[random.nextInt(GamebookPdfWriter.Family.values().length)];
    boolean mono = family == GamebookPdfWriter.Family.COURIER;
    float size = mono ? 6.5f + random.nextInt(3) * 0.5f : 6.5f + random.nextInt(5) * 0.5f;
    float step = 19.5f + random.nextFloat() * 1.5f;
    float first = 252 + random.nextFloat() * 10;
    float jitter = random.nextFloat() * (mono ? 1.2f : 2.5f);
    String[] dashes = {"-", "\u2013", "\u2014"};
    return new GamebookPdfWriter.Style(
        family,
        size,
        first,
        step,
        jitter,
        random.nextLong(),
        random.nextBoolean(),
        random.nextBoolean(),
        random.nextBoolean(),
        dashes[random.nextInt(dashes.length)],
        random.nextInt(3) == 0 ? 330 : 52);
  }

  @Test
  void gamesRenderedInRandomLayoutVariantsParseBackEqual() {
    qt().withFixedSeed(20_241_201L)
        .withExamples(60)
        .withShrinkCycles(3)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Gamebook game = SyntheticGames.game(seed);
              GamebookPdfWriter.Style style = style(seed ^ 0x5DEECE66DL);
              Gamebook parsed = parser.parse(GamebookPdfWriter.create(style).write(game));
              GamebookRoundTrip.assertParsedBack(game, parsed, "seed " + seed + " " + style);
            });
  }

  @Test
  void renderedSyntheticGamesParseBackEqual() {
    qt().withFixedSeed(20_241_202L)
        .withExamples(40)
        .withShrinkCycles(3)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Gamebook game = SyntheticGames.game(seed);
              Gamebook parsed = parser.parse(writer.write(game));
              GamebookRoundTrip.assertParsedBack(game, parsed, "seed " + seed);
              assertEquals(0, parsed.sections().totalIssues(), "seed " + seed);
            });
  }
}
