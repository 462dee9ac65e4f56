package io.github.courtside.scrapers.pdf;

/**
 * One run of non-blank glyphs on a text line, with its horizontal extent in PDF user-space units
 * (left edge of the first glyph to right edge of the last), as PDFBox's {@code TextPosition}s give
 * it.
 *
 * <pre>{@code
 * for (PdfWord word : line.words()) {
 *   System.out.println(word.text() + " @ " + word.x0() + ".." + word.x1());
 * }
 * }</pre>
 *
 * @param text the glyphs' text, never blank
 * @param x0 left edge
 * @param x1 right edge
 */
public record PdfWord(String text, float x0, float x1) {
  /** The horizontal centre. */
  public float centre() {
    return (x0 + x1) / 2;
  }
}
