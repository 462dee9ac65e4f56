package io.github.courtside.testkit.gamebook;

import io.github.courtside.scrapers.gamebook.Gamebook;
import java.util.Arrays;
import java.util.Objects;

/**
 * A generated game, the layout it was rendered in and the PDF: what a round trip parses ({@link
 * #pdf()}) and what it must parse back to ({@link #game()}).
 *
 * <pre>{@code
 * RenderedGamebook r = GamebookPdfs.rendered().sample(5L);
 * Gamebook parsed = GamebookParser.create().parse(r.pdf());
 * assertEquals(r.game().activePlayers(), parsed.activePlayers(), r.style().toString());
 * }</pre>
 *
 * @param game the game as generated
 * @param style the layout variant it was rendered in
 * @param pdf the PDF bytes (the same for the same game and style)
 */
public record RenderedGamebook(Gamebook game, GamebookPdfWriter.Style style, byte[] pdf) {
  /** Copies the bytes. */
  public RenderedGamebook {
    Objects.requireNonNull(game, "game");
    Objects.requireNonNull(style, "style");
    pdf = pdf.clone();
  }

  /** A copy of the PDF bytes. */
  @Override
  public byte[] pdf() {
    return pdf.clone();
  }

  /** Equal game, style and bytes. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RenderedGamebook r
        && game.equals(r.game)
        && style.equals(r.style)
        && Arrays.equals(pdf, r.pdf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(game, style, Arrays.hashCode(pdf));
  }

  @Override
  public String toString() {
    return "RenderedGamebook["
        + game.game().gameCode().orElse("game")
        + ", "
        + style
        + ", "
        + pdf.length
        + " bytes]";
  }
}
