package io.github.courtside.scrapers.injury;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.ParseListener;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.scrapers.pdf.TimeBudget;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Immutable configuration of an {@link InjuryReportParser}: how text is extracted (time and size
 * bounds), how sections are tracked, the hard budget per document and who hears each report.
 *
 * <pre>{@code
 * InjuryReportParser parser = InjuryReportParser.create(InjuryReportParserConfig.builder()
 *     .timeBudget(Duration.ofSeconds(5))
 *     .listener(new MicrometerParseMetrics(registry))
 *     .build());
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class InjuryReportParserConfig {
  InjuryReportParserConfig() {}

  /** The defaults: a 2 s hard budget per document, default extraction, threshold 5 per section. */
  public static InjuryReportParserConfig defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The text extractor with its time and size bounds; {@link PdfTextExtractor#defaults()}. */
  @Value.Default
  public PdfTextExtractor extractor() {
    return PdfTextExtractor.defaults();
  }

  /**
   * Section thresholds, sample size, clock and meter registry; a tracker named {@code
   * injury_report} with the default thresholds unless set.
   */
  @Value.Default
  public SectionErrorTrackerConfig tracking() {
    return SectionErrorTrackerConfig.builder().name("injury_report").build();
  }

  /**
   * The hard wall-clock budget of one document, extraction and parsing together (positive; 2 s
   * unless set): a document still being worked on then gives a FAILED report with reason TIMED_OUT.
   */
  @Value.Default
  public Duration timeBudget() {
    return Duration.ofSeconds(2);
  }

  /**
   * Who hears each finished report, as parser {@code injury_report} (e.g. {@code
   * MicrometerParseMetrics}); nobody unless set.
   */
  @Value.Default
  @Value.Auxiliary
  public ParseListener listener() {
    return ParseListener.NONE;
  }

  @Value.Check
  void check() {
    if (timeBudget().isNegative() || timeBudget().isZero()) {
      throw new IllegalArgumentException("timeBudget must be positive, got " + timeBudget());
    }
  }

  @Value.Lazy
  TimeBudget budget() {
    return TimeBudget.of(timeBudget());
  }

  /** Builds an {@link InjuryReportParserConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableInjuryReportParserConfig.Builder {
    Builder() {}
  }
}
