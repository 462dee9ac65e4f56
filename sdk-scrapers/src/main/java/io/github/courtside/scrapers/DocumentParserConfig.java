package io.github.courtside.scrapers;

import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.scrapers.pdf.TimeBudget;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * What every PDF document parser is configured with: how text is extracted (time and size bounds),
 * how sections are tracked, the hard budget per document and who hears each result. The gamebook
 * and injury-report configurations are Immutables values on top of it; each names its own default
 * {@link #tracking()}.
 */
public abstract class DocumentParserConfig {
  /** For the parsers' generated configurations only. */
  protected DocumentParserConfig() {}

  /** The text extractor with its time and size bounds; {@link PdfTextExtractor#defaults()}. */
  @Value.Default
  public PdfTextExtractor extractor() {
    return PdfTextExtractor.defaults();
  }

  /**
   * Section thresholds, sample size, clock and meter registry; a tracker named after the document
   * kind, with the default thresholds, unless set.
   */
  public abstract SectionErrorTrackerConfig tracking();

  /**
   * The hard wall-clock budget of one document, extraction and parsing together (positive; 2 s
   * unless set): a document still being worked on then gives a FAILED result with reason TIMED_OUT.
   */
  @Value.Default
  public Duration timeBudget() {
    return Duration.ofSeconds(2);
  }

  /** Who hears each parsed document (e.g. {@link MicrometerParseMetrics}); nobody unless set. */
  @Value.Default
  @Value.Auxiliary
  public ParseListener listener() {
    return ParseListener.NONE;
  }

  /** The {@link #timeBudget()} as the runner that enforces it (made once per configuration). */
  @Value.Lazy
  public TimeBudget budget() {
    return TimeBudget.of(timeBudget());
  }

  @Value.Check
  protected void checkTimeBudget() {
    if (timeBudget().isNegative() || timeBudget().isZero()) {
      throw new IllegalArgumentException("timeBudget must be positive, got " + timeBudget());
    }
  }
}
