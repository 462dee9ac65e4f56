package io.github.courtside.scrapers.pdf;

import io.github.courtside.core.CourtsideException;
import java.util.Objects;

/**
 * The bytes could not be turned into text; {@link #reason()} says why.
 *
 * <pre>{@code
 * try {
 *   extractor.extract(bytes);
 * } catch (PdfExtractionException e) {
 *   if (e.reason() == PdfExtractionException.Reason.TIMED_OUT) { ... }
 * }
 * }</pre>
 */
public final class PdfExtractionException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  /** Why extraction failed. */
  public enum Reason {
    /** No {@code %PDF} header in the first 1,024 bytes. */
    NOT_A_PDF,
    /** More bytes or pages than the configured limits. */
    TOO_LARGE,
    /** PDFBox could not read the document structure or its content. */
    UNREADABLE,
    /** Extraction did not finish within the configured time. */
    TIMED_OUT,
    /** The document was read but holds no text. */
    NO_TEXT
  }

  private final Reason reason;

  /** A failure with a reason and a message naming what was wrong. */
  public PdfExtractionException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** A failure with a reason, a message naming what was wrong, and the underlying cause. */
  public PdfExtractionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why extraction failed. */
  public Reason reason() {
    return reason;
  }
}
