package io.github.courtside.scrapers.pdf;

import java.util.List;

/**
 * One extracted text line with the position of each of its words, for readers that assign cells by
 * column position rather than by counting tokens.
 *
 * <pre>{@code
 * for (PdfLine line : text.positionedLines()) {
 *   System.out.println(line.page() + ": " + line.text() + " (" + line.words().size() + " words)");
 * }
 * }</pre>
 *
 * @param text the line's text (words joined by one blank), as in {@link PdfText#lines()}
 * @param page the 1-based page number
 * @param words the words left to right
 */
public record PdfLine(String text, int page, List<PdfWord> words) {
  /** Copies the words. */
  public PdfLine {
    words = List.copyOf(words);
  }

  /** A line without positions (text given by a caller): one word per blank-separated token. */
  public static PdfLine unpositioned(String text) {
    return new PdfLine(text, 0, List.of());
  }

  /** The baseline of the first word, from the top of the page (0 without positions). */
  public float y() {
    return words.isEmpty() ? 0 : words.get(0).y();
  }

  /** Whether the words carry positions. */
  public boolean positioned() {
    return !words.isEmpty();
  }
}
