package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.ParseListener;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.scrapers.pdf.TimeBudget;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Immutable configuration of a {@link GamebookParser}: how text is extracted (time and size bounds)
 * and how sections are tracked (thresholds, metrics).
 *
 * <pre>{@code
 * GamebookParserConfig config = GamebookParserConfig.builder()
 *     .extractor(PdfTextExtractor.builder().timeout(Duration.ofMillis(1500)).build())
 *     .tracking(SectionErrorTrackerConfig.builder().name("gamebook").meterRegistry(registry).build())
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class GamebookParserConfig {
  GamebookParserConfig() {}

  /**
   * The defaults: a 2 s hard budget per document, 1.5 s / 32 MiB / 100 pages extraction, threshold
   * 5 per section.
   */
  public static GamebookParserConfig defaults() {
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
   * Section thresholds, sample size, clock and meter registry; a tracker named {@code gamebook}
   * with the default thresholds unless set.
   */
  @Value.Default
  public SectionErrorTrackerConfig tracking() {
    return SectionErrorTrackerConfig.builder().name("gamebook").build();
  }

  /**
   * The hard wall-clock budget of one document, extraction and parsing together (positive; 2 s
   * unless set): a document still being worked on then gives a FAILED result with reason TIMED_OUT.
   */
  @Value.Default
  public Duration timeBudget() {
    return Duration.ofSeconds(2);
  }

  /** Who hears each parsed document (e.g. {@code MicrometerParseMetrics}); nobody unless set. */
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

  /** Builds a {@link GamebookParserConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableGamebookParserConfig.Builder {
    Builder() {}
  }
}
