package io.github.courtside.testkit.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Not API: the pages of a document the testkit's PDF writers render, page by page, and the pass
 * that appends to every page once the page count is known (titles, "Page N of M" footers).
 */
public final class PdfPages {
  /** Draws on one page of {@code count}, {@code index} from 0. */
  @FunctionalInterface
  public interface Drawing {
    void draw(PDPageContentStream stream, int index, int count) throws IOException;
  }

  private final PDDocument document;
  private final List<PDPage> pages = new ArrayList<>();

  /** Pages added to {@code document}. */
  public PdfPages(PDDocument document) {
    this.document = document;
  }

  /** Adds a page of {@code size} and opens its content stream (the caller closes it). */
  public PDPageContentStream add(PDRectangle size) throws IOException {
    PDPage page = new PDPage(size);
    document.addPage(page);
    pages.add(page);
    return new PDPageContentStream(document, page);
  }

  /** The pages added so far. */
  public int count() {
    return pages.size();
  }

  /** Appends {@code drawing} to every page, in a new content stream of its own. */
  public void appendToEach(Drawing drawing) throws IOException {
    for (int i = 0; i < pages.size(); i++) {
      try (PDPageContentStream stream =
          new PDPageContentStream(
              document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        drawing.draw(stream, i, pages.size());
      }
    }
  }
}
