package io.github.courtside.scrapers.pdf;

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
 * {@code maxPages}, a cap of glyphs per page and per document, and a limit on what compressed
 * streams may inflate to (checked before PDFBox inflates them), which also caps PDFBox's stream
 * cache. Words come with their x-range ({@link PdfText#positionedLines()}). Every failure is a
 * {@link PdfExtractionException} with a reason; nothing else escapes (PDFBox's runtime exceptions
 * and stack overflows on cyclic structures included).
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
public final class PdfTextExtractor {
  private static final Logger log = LoggerFactory.getLogger(PdfTextExtractor.class);
  private final Duration timeout;
  private final long maxBytes;
  private final int maxPages;
  private final Clock clock;
  private final int maxGlyphsPerPage;
  private final long maxGlyphsPerDocument;
  private final long maxInflatedBytes;

  private PdfTextExtractor(Builder builder) {
    this.maxGlyphsPerPage = builder.maxGlyphsPerPage;
    this.maxGlyphsPerDocument = builder.maxGlyphsPerDocument;
    this.maxInflatedBytes = builder.maxInflatedBytes;
    this.timeout = builder.timeout;
    this.maxBytes = builder.maxBytes;
    this.maxPages = builder.maxPages;
    this.clock = builder.clock;
  }

  /** An extractor with the defaults: 1.5 s, 32 MiB, 100 pages, system clock. */
  public static PdfTextExtractor withDefaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The time budget of one extraction. */
  public Duration timeout() {
    return timeout;
  }

  /** The non-blank lines of all pages in reading order, trailing white space removed. */
  public static List<String> lines(byte[] pdf) {
    return withDefaults().extract(pdf).lines();
  }

  /**
   * Extracts the text of every page.
   *
   * @throws PdfExtractionException when the bytes are not a readable PDF, are too large, hold no
   *     text or took longer than the budget
   */
  public PdfText extract(byte[] pdf) {
    Objects.requireNonNull(pdf, "pdf");
    if (pdf.length > maxBytes) {
      throw new PdfExtractionException(
          Reason.TOO_LARGE, "PDF of " + pdf.length + " bytes exceeds the limit of " + maxBytes);
    }
    if (!hasPdfHeader(pdf)) {
      throw new PdfExtractionException(
          Reason.NOT_A_PDF, "not a PDF: no %PDF header in the first 1024 bytes");
    }
    WarmUp.ensure();
    Deadline deadline = new Deadline(clock, timeout);
    GlyphCollector collector = new GlyphCollector(deadline, maxGlyphsPerPage, maxGlyphsPerDocument);
    try (PDDocument document =
        Loader.loadPDF(
            new DeadlineReader(new RandomAccessReadBuffer(pdf), deadline),
            MemoryUsageSetting.setupMainMemoryOnly(maxInflatedBytes).streamCache)) {
      TimeBudget.closeOnCancel(document);
      int pages = document.getNumberOfPages();
      if (pages > maxPages) {
        throw new PdfExtractionException(
            Reason.TOO_LARGE, "PDF of " + pages + " pages exceeds the limit of " + maxPages);
      }
      InflatedSize.check(document.getDocument(), maxInflatedBytes, deadline);
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

  /** Builds a {@link PdfTextExtractor}. */
  public static final class Builder {
    private Duration timeout = Duration.ofMillis(1500);
    private long maxBytes = 32L * 1024 * 1024;
    private int maxPages = 100;
    private Clock clock = Clock.systemUTC();
    private int maxGlyphsPerPage = 50_000;
    private long maxGlyphsPerDocument = 400_000;
    private long maxInflatedBytes = 64L * 1024 * 1024;

    private Builder() {}

    /** The most glyphs shown on one page (default 50,000; a gamebook page shows about 4,000). */
    public Builder maxGlyphsPerPage(int maxGlyphsPerPage) {
      if (maxGlyphsPerPage < 1) {
        throw new IllegalArgumentException(
            "maxGlyphsPerPage must be positive, got " + maxGlyphsPerPage);
      }
      this.maxGlyphsPerPage = maxGlyphsPerPage;
      return this;
    }

    /** The most glyphs shown in one document (default 400,000). */
    public Builder maxGlyphsPerDocument(long maxGlyphsPerDocument) {
      if (maxGlyphsPerDocument < 1) {
        throw new IllegalArgumentException(
            "maxGlyphsPerDocument must be positive, got " + maxGlyphsPerDocument);
      }
      this.maxGlyphsPerDocument = maxGlyphsPerDocument;
      return this;
    }

    /**
     * The most bytes the document's compressed streams may inflate to, together, and the limit of
     * PDFBox's in-memory stream cache (default 64 MiB).
     */
    public Builder maxInflatedBytes(long maxInflatedBytes) {
      if (maxInflatedBytes < 1) {
        throw new IllegalArgumentException(
            "maxInflatedBytes must be positive, got " + maxInflatedBytes);
      }
      this.maxInflatedBytes = maxInflatedBytes;
      return this;
    }

    /** The time budget of one extraction (default 1.5 s). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The largest accepted document in bytes (default 32 MiB). */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** The most pages accepted (default 100). */
    public Builder maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be positive, got " + maxPages);
      }
      this.maxPages = maxPages;
      return this;
    }

    /** The clock the deadline is read from (tests pass a controllable clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The extractor. */
    public PdfTextExtractor build() {
      return new PdfTextExtractor(this);
    }
  }
}
