package io.github.courtside.scrapers.pdf;

import io.github.courtside.scrapers.pdf.PdfExtractionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.jspecify.annotations.Nullable;

/**
 * PDFBox's sorted text extraction, collecting each line's words with their x-range from the {@link
 * TextPosition}s instead of writing text. Bounded: before every operator and every 256 glyphs it
 * checks the deadline and the thread's interrupt flag, and it stops at a cap of glyphs per page and
 * per document. Once it stopped, every later operator fails too (PDFBox swallows exceptions thrown
 * inside form XObjects), and {@link #failure()} says why.
 */
final class GlyphCollector extends PDFTextStripper {
  private static final int MAX_JOINED = 16 << 20;

  private final Deadline deadline;
  private final int maxGlyphsPerPage;
  private final long maxGlyphsPerDocument;
  private final List<PdfLine> lines = new ArrayList<>();
  private final List<PdfWord> words = new ArrayList<>();
  private int page;
  private int pageGlyphs;
  private long documentGlyphs;
  private @Nullable PdfExtractionException failure;

  GlyphCollector(Deadline deadline, int maxGlyphsPerPage, long maxGlyphsPerDocument) {
    this.deadline = deadline;
    this.maxGlyphsPerPage = maxGlyphsPerPage;
    this.maxGlyphsPerDocument = maxGlyphsPerDocument;
    setSortByPosition(true);
    // The overlap check against every glyph shown so far was a fifth of the extraction's time;
    // gamebooks and injury reports draw each glyph once.
    setSuppressDuplicateOverlappingText(false);
    setLineSeparator("\n");
  }

  List<PdfLine> lines() {
    finishLine();
    return lines;
  }

  @Nullable PdfExtractionException failure() {
    return failure;
  }

  private void stop(PdfExtractionException reason) throws IOException {
    if (failure == null) {
      failure = reason;
    }
    throw new Stopped(reason);
  }

  private void checkStopped() throws IOException {
    PdfExtractionException stopped = failure;
    if (stopped != null) {
      throw new Stopped(stopped);
    }
    try {
      deadline.check();
    } catch (Deadline.Expired e) {
      stop(new PdfExtractionException(Reason.TIMED_OUT, String.valueOf(e.getMessage()), e));
    }
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    checkStopped();
    super.processOperator(operator, operands);
  }

  @Override
  protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement)
      throws IOException {
    pageGlyphs++;
    documentGlyphs++;
    if (pageGlyphs > maxGlyphsPerPage) {
      stop(
          new PdfExtractionException(
              Reason.TOO_LARGE,
              "page " + page + " shows more than " + maxGlyphsPerPage + " glyphs"));
    }
    if (documentGlyphs > maxGlyphsPerDocument) {
      stop(
          new PdfExtractionException(
              Reason.TOO_LARGE,
              "the document shows more than " + maxGlyphsPerDocument + " glyphs"));
    }
    if ((documentGlyphs & 0xFF) == 0) {
      checkStopped();
    }
    super.showGlyph(matrix, font, code, displacement);
  }

  /**
   * Processes a page with its content streams read into one array ({@link ContentBytes}; a newline
   * between the parts of an array, which may split only at token boundaries): PDFBox reads a page
   * through chunked buffers, and an array of streams through a sequence reader, that answer the
   * parser's look-ahead around every token with a seek, a fifth of a gamebook's extraction time.
   * The streams were decoded under the limit already ({@link DecodedStreams}); past {@value
   * #MAX_JOINED} bytes (parts repeated by reference) or on a damaged part the page is read the
   * stock way.
   */
  @Override
  public void processPage(PDPage pdPage) throws IOException {
    if (!pdPage.hasContents()) {
      super.processPage(pdPage);
      return;
    }
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    Iterator<PDStream> parts = pdPage.getContentStreams();
    while (parts.hasNext()) {
      checkStopped();
      try (InputStream part = parts.next().createInputStream()) {
        part.transferTo(joined);
      } catch (IOException damaged) {
        // PDFBox reads what it can of a damaged stream; leave the page to it.
        checkStopped();
        super.processPage(pdPage);
        return;
      }
      joined.write('\n');
      if (joined.size() > MAX_JOINED) {
        super.processPage(pdPage);
        return;
      }
    }
    byte[] content = joined.toByteArray();
    super.processPage(
        new PDPage(pdPage.getCOSObject()) {
          @Override
          public RandomAccessRead getContentsForStreamParsing() {
            return new ContentBytes(content);
          }

          @Override
          public PDResources getResources() {
            return pdPage.getResources();
          }
        });
  }

  @Override
  protected void startPage(PDPage pdPage) throws IOException {
    page++;
    pageGlyphs = 0;
    checkStopped();
    super.startPage(pdPage);
  }

  @Override
  protected void endPage(PDPage pdPage) throws IOException {
    finishLine();
    super.endPage(pdPage);
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    if (positions.size() != text.length()) {
      // Ligatures or normalisation changed the length: keep the run as one word.
      addWord(text, positions, 0, positions.size());
      return;
    }
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean blank = i == text.length() || Character.isWhitespace(text.charAt(i));
      if (blank && start >= 0) {
        addWord(text.substring(start, i), positions, start, i);
        start = -1;
      } else if (!blank && start < 0) {
        start = i;
      }
    }
  }

  private void addWord(String text, List<TextPosition> positions, int from, int to) {
    String word = text.strip();
    if (word.isEmpty() || from >= to) {
      return;
    }
    TextPosition first = positions.get(from);
    TextPosition last = positions.get(to - 1);
    words.add(
        new PdfWord(
            word,
            first.getXDirAdj(),
            last.getXDirAdj() + last.getWidthDirAdj(),
            first.getYDirAdj()));
  }

  @Override
  protected void writeLineSeparator() {
    finishLine();
  }

  @Override
  protected void writeWordSeparator() {
    // words are kept apart already
  }

  private void finishLine() {
    if (words.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (PdfWord word : words) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(word.text());
    }
    lines.add(new PdfLine(text.toString(), Math.max(1, page), words));
    words.clear();
  }

  /** Abandons PDFBox's work; carries the reason. */
  static final class Stopped extends IOException {
    private static final long serialVersionUID = 1L;

    Stopped(PdfExtractionException reason) {
      super(reason.getMessage(), reason);
    }
  }
}
