package io.github.courtside.testkit.gamebook;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.league.Leagues;
import java.util.List;
import java.util.Objects;

/**
 * Generators of gamebook PDFs in layouts the parser's author did not lay out: the three font
 * families at several sizes, stat columns moved and cells jittered, "+N" plus/minus, hyphenated
 * names wrapped over two lines (long names wrap anyway), mixed-case headers, "-", en and em dashes
 * after DNP/DND/NWT, and bottom margins that put page breaks inside a team's table and inside the
 * inactive lists. Games come from {@link Leagues#games()} unless given, so names carry diacritics
 * and straight or curly apostrophes, and reasons read "Coach's Decision" or "Coach’s Decision".
 *
 * <pre>{@code
 * for (RenderedGamebook r : GamebookPdfs.rendered().samples(42L, 50)) {
 *   Gamebook parsed = parser.parse(r.pdf());
 *   assertEquals(r.game().dnpPlayers(), parsed.dnpPlayers(), r.style().toString());
 * }
 * }</pre>
 */
public final class GamebookPdfs {
  private static final List<String> DASHES = List.of("-", "\u2013", "\u2014");
  private static final List<GamebookPdfWriter.Family> FAMILIES =
      List.of(GamebookPdfWriter.Family.values());

  private GamebookPdfs() {}

  /**
   * Layout variants; size 0 is {@link GamebookPdfWriter.Style#standard()}, and larger sizes move
   * further from it. Courier stays at 7.5 pt or less, where a roster's longest names still fit a
   * name cell in two lines.
   */
  public static Generator<GamebookPdfWriter.Style> styles() {
    return (random, size) -> {
      if (size == 0) {
        return GamebookPdfWriter.Style.standard();
      }
      double spread = size / (double) Generator.MAX_SIZE;
      GamebookPdfWriter.Family family = FAMILIES.get(random.nextInt(FAMILIES.size()));
      boolean mono = family == GamebookPdfWriter.Family.COURIER;
      float tableSize = mono ? 6.5f + random.nextInt(3) * 0.5f : 6.5f + random.nextInt(5) * 0.5f;
      float step = 19.5f + (float) (random.nextDouble() * 1.5);
      float first = 252 + (float) (random.nextDouble() * 10);
      float jitter = (float) (random.nextDouble() * spread * (mono ? 1.2 : 2.5));
      float bottom =
          random.nextInt(3) == 0 ? 200 + (float) (random.nextDouble() * 220 * spread) : 52;
      return new GamebookPdfWriter.Style(
          family,
          tableSize,
          first,
          step,
          jitter,
          random.nextLong(),
          random.nextBoolean(),
          random.nextBoolean(),
          random.nextBoolean(),
          DASHES.get(random.nextInt(DASHES.size())),
          bottom);
    };
  }

  /** Games of {@link Leagues#games()} rendered in {@link #styles()}. */
  public static Generator<RenderedGamebook> rendered() {
    return rendered(Leagues.games(), styles());
  }

  /** Games of {@code games} rendered in layouts of {@code styles}. */
  public static Generator<RenderedGamebook> rendered(
      Generator<Gamebook> games, Generator<GamebookPdfWriter.Style> styles) {
    Objects.requireNonNull(games, "games");
    Objects.requireNonNull(styles, "styles");
    return (random, size) -> {
      Gamebook game = games.generate(random, size);
      GamebookPdfWriter.Style style = styles.generate(random, size);
      return new RenderedGamebook(game, style, GamebookPdfWriter.create(style).write(game));
    };
  }
}
