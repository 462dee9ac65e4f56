package io.github.courtside.testkit.gamebook;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.testkit.RenderedPdf;

/**
 * A generated game, the layout it was rendered in and the PDF: what a round trip parses ({@link
 * #pdf()}) and what it must parse back to ({@link #game()}). Immutable; equal game, style and bytes
 * make equal values.
 *
 * <pre>{@code
 * RenderedGamebook r = GamebookPdfs.rendered().sample(5L);
 * Gamebook parsed = GamebookParser.create().parse(r.pdf());
 * assertEquals(r.game().activePlayers(), parsed.activePlayers(), r.style().toString());
 * }</pre>
 */
public final class RenderedGamebook extends RenderedPdf<Gamebook, GamebookPdfWriter.Style> {
  /**
   * Copies the bytes.
   *
   * @param game the game as generated
   * @param style the layout variant it was rendered in
   * @param pdf the PDF bytes (the same for the same game and style)
   */
  public RenderedGamebook(Gamebook game, GamebookPdfWriter.Style style, byte[] pdf) {
    super(game, "game", style, "style", pdf);
  }

  /** The game as generated. */
  public Gamebook game() {
    return renderedContent();
  }

  /** The layout variant it was rendered in. */
  public GamebookPdfWriter.Style style() {
    return renderedLayout();
  }

  @Override
  public String toString() {
    return "RenderedGamebook["
        + game().game().gameCode().orElse("game")
        + ", "
        + style()
        + ", "
        + length()
        + " bytes]";
  }
}
