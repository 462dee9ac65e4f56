package io.github.courtside.scrapers.pdf;

/**
 * One run of non-blank glyphs on a text line, with its horizontal extent in PDF user-space units
 * (left edge of the first glyph to right edge of the last) and its baseline measured from the top
 * of the page, as PDFBox's {@code TextPosition}s give them ({@code getXDirAdj}, {@code
 * getYDirAdj}).
 *
 * <pre>{@code
 * for (PdfWord word : line.words()) {
 *   System.out.println(word.text() + " @ " + word.x0() + ".." + word.x1() + ", y " + word.y());
 * }
 * }</pre>
 *
 * @param text the glyphs' text, never blank
 * @param x0 left edge
 * @param x1 right edge
 * @param y baseline, from the top of the page (larger is lower); 0 when unknown
 */
public record PdfWord(String text, float x0, float x1, float y) {
  /** A word without a vertical position (y 0). */
  public PdfWord(String text, float x0, float x1) {
    this(text, x0, x1, 0);
  }

  /** The horizontal centre. */
  public float centre() {
    return (x0 + x1) / 2;
  }
}
