package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import java.util.Objects;

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
public final class GamebookParserConfig {
  private final PdfTextExtractor extractor;
  private final SectionErrorTrackerConfig tracking;

  private GamebookParserConfig(Builder builder) {
    this.extractor = builder.extractor;
    this.tracking = builder.tracking;
  }

  /** The defaults: 1.5 s / 32 MiB / 100 pages extraction, threshold 5 per section. */
  public static GamebookParserConfig defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The text extractor. */
  public PdfTextExtractor extractor() {
    return extractor;
  }

  /** The section tracking configuration. */
  public SectionErrorTrackerConfig tracking() {
    return tracking;
  }

  /** Builds a {@link GamebookParserConfig}. */
  public static final class Builder {
    private PdfTextExtractor extractor = PdfTextExtractor.withDefaults();
    private SectionErrorTrackerConfig tracking =
        SectionErrorTrackerConfig.builder().name("gamebook").build();

    private Builder() {}

    /** The text extractor with its time and size bounds. */
    public Builder extractor(PdfTextExtractor extractor) {
      this.extractor = Objects.requireNonNull(extractor, "extractor");
      return this;
    }

    /** Section thresholds, sample size, clock and meter registry. */
    public Builder tracking(SectionErrorTrackerConfig tracking) {
      this.tracking = Objects.requireNonNull(tracking, "tracking");
      return this;
    }

    /** The configuration. */
    public GamebookParserConfig build() {
      return new GamebookParserConfig(this);
    }
  }
}
