package io.github.courtside.scrapers.pdf;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.scrapers.pdf.PdfExtractionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.immutables.value.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the text of a PDF with PDFBox, sorted by position (spec §A.4: this matches pdfplumber
 * line for line), within bounded time and size.
 *
 * <p>Bounded time: every read of the underlying bytes, every content-stream operator and every 256
 * glyphs check a deadline taken from the injected {@link Clock} and the thread's interrupt flag, so
 * a damaged document that sends PDFBox into a long repair or a huge content stream is abandoned
 * with {@link Reason#TIMED_OUT} shortly after the budget; the parsers add a hard wall-clock {@link
 * TimeBudget} around extraction and parsing. Size and memory are bounded by {@code maxBytes},
 * {@code maxPages}, a cap of glyphs per page and per document, and a limit on what the streams may
 * decode to through any of the filters text extraction applies (Flate, LZW, RunLength, ASCII85,
 * ASCIIHex, chained or not; decoded once, under the limit, before PDFBox reads them), which also
 * caps PDFBox's stream cache. Words come with their x-range ({@link PdfText#positionedLines()}).
 * Every failure is a {@link PdfExtractionException} with a reason; nothing else escapes (PDFBox's
 * runtime exceptions and stack overflows on cyclic structures included).
 *
 * <pre>{@code
 * PdfTextExtractor extractor = PdfTextExtractor.builder()
 *     .timeout(Duration.ofSeconds(1))
 *     .maxBytes(20 * 1024 * 1024)
 *     .maxPages(50)
 *     .build();
 * List<String> lines = extractor.extract(Files.readAllBytes(pdf)).lines();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class PdfTextExtractor {
  private static final Logger log = LoggerFactory.getLogger(PdfTextExtractor.class);

  PdfTextExtractor() {}

  /** An extractor with the defaults: 1.5 s, 32 MiB, 100 pages, system clock. */
  public static PdfTextExtractor defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this extractor's settings. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The time budget of one extraction (positive); 1.5 s unless set. */
  @Value.Default
  public Duration timeout() {
    return Duration.ofMillis(1500);
  }

  /** The largest accepted document in bytes (positive); 32 MiB unless set. */
  @Value.Default
  public long maxBytes() {
    return 32L * 1024 * 1024;
  }

  /** The most pages accepted (positive); 100 unless set. */
  @Value.Default
  public int maxPages() {
    return 100;
  }

  /** The clock the deadline is read from (tests pass a controllable clock); the UTC clock. */
  @Value.Default
  @Value.Auxiliary
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** The most glyphs shown on one page; 50,000 unless set (a gamebook page shows about 4,000). */
  @Value.Default
  public int maxGlyphsPerPage() {
    return 50_000;
  }

  /** The most glyphs shown in one document; 400,000 unless set. */
  @Value.Default
  public long maxGlyphsPerDocument() {
    return 400_000;
  }

  /**
   * The most bytes the document's encoded streams may decode to, together (Flate, LZW, RunLength,
   * ASCII85 and ASCIIHex filters, in any chain; page contents, fonts and forms as well as the
   * cross-reference and object streams PDFBox decodes while loading, encrypted documents included);
   * with {@link #maxBytes()} also the limit of PDFBox's in-memory stream cache; 64 MiB unless set.
   */
  @Value.Default
  public long maxInflatedBytes() {
    return 64L * 1024 * 1024;
  }

  @Value.Check
  void check() {
    if (timeout().isNegative() || timeout().isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout());
    }
    positive("maxBytes", maxBytes());
    positive("maxPages", maxPages());
    positive("maxGlyphsPerPage", maxGlyphsPerPage());
    positive("maxGlyphsPerDocument", maxGlyphsPerDocument());
    positive("maxInflatedBytes", maxInflatedBytes());
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** The non-blank lines of all pages in reading order, trailing white space removed. */
  public static List<String> lines(byte[] pdf) {
    return defaults().extract(pdf).lines();
  }

  /**
   * Extracts the text of every page.
   *
   * @throws PdfExtractionException when the bytes are not a readable PDF, are too large, hold no
   *     text or took longer than the budget
   */
  public PdfText extract(byte[] pdf) {
    Objects.requireNonNull(pdf, "pdf");
    if (pdf.length > maxBytes()) {
      throw new PdfExtractionException(
          Reason.TOO_LARGE, "PDF of " + pdf.length + " bytes exceeds the limit of " + maxBytes());
    }
    if (!hasPdfHeader(pdf)) {
      throw new PdfExtractionException(
          Reason.NOT_A_PDF, "not a PDF: no %PDF header in the first 1024 bytes");
    }
    WarmUp.ensure();
    Deadline deadline = new Deadline(clock(), timeout());
    GlyphCollector collector =
        new GlyphCollector(deadline, maxGlyphsPerPage(), maxGlyphsPerDocument());
    DecodedStreams inflated = new DecodedStreams(maxInflatedBytes(), deadline);
    try (PDDocument document =
        new LimitedParser(
                new DeadlineReader(new RandomAccessReadBuffer(pdf), deadline),
                // The cache holds decrypted and decoded stream data: room for both, so the
                // inflated-size limit, not a failing cache PDFBox would swallow, refuses a bomb.
                MemoryUsageSetting.setupMainMemoryOnly(maxInflatedBytes() + maxBytes()).streamCache,
                inflated)
            .parse()) {
      TimeBudget.closeOnCancel(document);
      stopIfLimited(inflated);
      int pages = document.getNumberOfPages();
      stopIfLimited(inflated);
      if (pages > maxPages()) {
        throw new PdfExtractionException(
            Reason.TOO_LARGE, "PDF of " + pages + " pages exceeds the limit of " + maxPages());
      }
      inflated.decodeAll(document.getDocument());
      collector.writeText(document, Writer.nullWriter());
      PdfExtractionException stopped = collector.failure();
      if (stopped != null) {
        throw stopped;
      }
      List<PdfLine> positioned = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      int characters = 0;
      for (PdfLine line : collector.lines()) {
        characters += line.text().length() + 1;
        positioned.add(line);
        lines.add(line.text());
      }
      if (lines.isEmpty()) {
        throw new PdfExtractionException(
            Reason.NO_TEXT, "the PDF holds no extractable text (" + pages + " pages)");
      }
      return new PdfText(lines, pages, characters, positioned);
    } catch (Deadline.Expired e) {
      throw new PdfExtractionException(Reason.TIMED_OUT, String.valueOf(e.getMessage()), e);
    } catch (OutOfMemoryError e) {
      throw new PdfExtractionException(
          Reason.TOO_LARGE, "out of memory while extracting text: " + e.getMessage(), e);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      stopIfLimited(inflated);
      PdfExtractionException stopped = collector.failure();
      if (stopped != null) {
        throw stopped;
      }
      if (e instanceof PdfExtractionException extraction) {
        throw extraction;
      }
      if (e.getCause() instanceof Deadline.Expired expired) {
        throw new PdfExtractionException(Reason.TIMED_OUT, String.valueOf(expired.getMessage()), e);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new PdfExtractionException(Reason.TIMED_OUT, "extraction cancelled: " + e, e);
      }
      if (e instanceof StackOverflowError) {
        throw new PdfExtractionException(
            Reason.UNREADABLE, "not a readable PDF: nesting too deep (stack overflow)", e);
      }
      throw new PdfExtractionException(
          Reason.UNREADABLE,
          "not a readable PDF: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Pays PDFBox's one-time start-up cost (class loading, glyph lists, font metrics) now, outside
   * any document's time budget; the parsers call it before starting a budget.
   */
  public static void warmUp() {
    WarmUp.ensure();
  }

  /** Rethrows the inflated-size limit's refusal, which PDFBox may have caught and logged. */
  private static void stopIfLimited(DecodedStreams inflated) {
    PdfExtractionException limited = inflated.failure();
    if (limited != null) {
      throw limited;
    }
  }

  private static boolean hasPdfHeader(byte[] pdf) {
    String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
    return head.contains("%PDF");
  }

  /**
   * PDFBox's first extraction in a JVM loads classes, glyph lists, font metrics and the system font
   * cache, which can take seconds on a busy machine. That one-time cost is paid once, outside any
   * document's time budget, so the budget measures the document's own work.
   */
  private static final class WarmUp {
    private static final boolean DONE = run();

    static void ensure() {
      if (!DONE) {
        log.debug("PDFBox warm-up did not complete; the first extraction pays for class loading");
      }
    }

    private static boolean run() {
      try (PDDocument document = new PDDocument()) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          for (Standard14Fonts.FontName font :
              List.of(
                  Standard14Fonts.FontName.HELVETICA, Standard14Fonts.FontName.HELVETICA_BOLD)) {
            content.beginText();
            content.setFont(new PDType1Font(font), 8);
            content.newLineAtOffset(36, 700);
            content.showText("Warm up 0123456789");
            content.endText();
          }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        try (PDDocument loaded = Loader.loadPDF(bytes.toByteArray())) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setSortByPosition(true);
          return !stripper.getText(loaded).isBlank();
        }
      } catch (IOException | RuntimeException e) {
        log.debug("PDFBox warm-up failed: {}", e.toString());
        return false;
      }
    }
  }

  /** Builds a {@link PdfTextExtractor}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutablePdfTextExtractor.Builder {
    Builder() {}
  }
}
