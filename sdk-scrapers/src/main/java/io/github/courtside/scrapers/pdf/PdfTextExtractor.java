package io.github.courtside.scrapers.pdf;

import io.github.courtside.core.CourtsideException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Extracts the text of every page of a PDF with PDFBox, sorted by position, as lines.
 *
 * <pre>{@code
 * List<String> lines = PdfTextExtractor.lines(Files.readAllBytes(pdf));
 * }</pre>
 */
public final class PdfTextExtractor {
  private PdfTextExtractor() {}

  /**
   * The non-blank lines of all pages in reading order, trailing white space removed.
   *
   * @throws CourtsideException when the bytes are not a readable PDF
   */
  public static List<String> lines(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setLineSeparator("\n");
      String text = stripper.getText(document);
      List<String> lines = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        String trimmed = line.stripTrailing();
        if (!trimmed.isBlank()) {
          lines.add(trimmed);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new CourtsideException("not a readable PDF: " + e.getMessage(), e);
    }
  }
}
