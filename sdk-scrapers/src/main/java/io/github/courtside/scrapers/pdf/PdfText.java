package io.github.courtside.scrapers.pdf;

import java.util.List;

/**
 * The text of a PDF as PDFBox extracts it sorted by position: non-blank lines of all pages in
 * reading order, trailing white space removed, and the same lines with the position of every word.
 *
 * <pre>{@code
 * PdfText text = PdfTextExtractor.defaults().extract(bytes);
 * text.lines().forEach(System.out::println);
 * }</pre>
 *
 * @param lines the non-blank lines
 * @param pageCount pages in the document
 * @param characters characters of extracted text, line separators included
 * @param positionedLines the same lines with word positions (empty when the caller gave text only)
 */
public record PdfText(
    List<String> lines, int pageCount, int characters, List<PdfLine> positionedLines) {
  /** Copies the lines. */
  public PdfText {
    lines = List.copyOf(lines);
    positionedLines = List.copyOf(positionedLines);
  }

  /** Text without word positions. */
  public PdfText(List<String> lines, int pageCount, int characters) {
    this(lines, pageCount, characters, List.of());
  }
}
